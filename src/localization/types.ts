import type { enUS } from './enUS'

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }

type DeepPartial<T> = { [K in keyof T]?: T[K] extends string ? string : DeepPartial<T[K]> }

type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>
}[keyof T & string]

/** Every string the components show, grouped by component (the shape of `enUS`). */
export type Localization = Widen<typeof enUS>

/**
 * What the plugin's `localization` option accepts: any subset of `Localization`, plus messages for
 * error codes `enUS` does not list.
 */
export type LocalizationOverrides = DeepPartial<Omit<Localization, 'errors'>> & {
  errors?: Partial<Localization['errors']> & Record<string, string>
}

/** A dotted path to one string, e.g. `signIn.start.title` (error messages go through `errorMessage`). */
export type LocalizationKey = Exclude<Paths<Localization>, `errors.${string}`>

/** Values for `{name}` placeholders. */
export type LocalizationParams = Record<string, string | number | null | undefined>
