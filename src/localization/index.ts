// Component strings: the English default and the translator that layers overrides over it.
export { createTranslator } from './createTranslator'
export type { TranslatableError, Translator } from './createTranslator'
export { enUS } from './enUS'
export { interpolate } from './interpolate'
export type { Localization, LocalizationKey, LocalizationOverrides, LocalizationParams } from './types'
