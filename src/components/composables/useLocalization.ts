import type { LocalizationOverrides, Translator } from '../../localization'
import { useClerkContext } from '../../composables/useClerkContext'
import { createTranslator } from '../../localization'

// one translator per plugin options object: every component of an app shares it
const translators = new WeakMap<object, Translator>()

/** The translator of the app: the plugin's `localization` option over the English defaults. */
export function useLocalization(): Translator {
  const { options } = useClerkContext('useLocalization')
  let translator = translators.get(options)
  if (!translator) {
    translator = createTranslator(options.localization as LocalizationOverrides | undefined)
    translators.set(options, translator)
  }
  return translator
}
