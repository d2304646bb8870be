import type { LocalizationOverrides, Translator } from '../../localization'
import { useClerkContext } from '../../composables/useClerkContext'
import { createTranslator } from '../../localization'
import { common } from '../../localization/en/common'

// The English defaults of the components in use: each component adds its own section when it is
// set up, so an app's bundle carries only the strings of the components it imports.
const english: LocalizationOverrides = { locale: 'en-US', common }

// one translator per plugin options object: every component of an app shares it
const translators = new WeakMap<object, Translator>()

/**
 * The translator of the app: the plugin's `localization` option over the English defaults;
 * `sections` are the English strings the calling component needs besides `common`.
 */
export function useLocalization(sections?: LocalizationOverrides): Translator {
  if (sections) {
    // error messages come from several files (common, organizations): add to them, never replace
    const { errors, ...rest } = sections
    Object.assign(english, rest)
    if (errors)
      english.errors = { ...english.errors, ...errors }
  }
  const { options } = useClerkContext('useLocalization')
  let translator = translators.get(options)
  if (!translator) {
    translator = createTranslator((options.localization ?? {}) as LocalizationOverrides, english)
    translators.set(options, translator)
  }
  return translator
}
