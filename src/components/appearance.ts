/** `light`/`dark` force a scheme; `auto` follows `prefers-color-scheme`. */
export type BaseTheme = 'auto' | 'light' | 'dark'

/**
 * Theme variables; each one sets a CSS custom property of the default theme
 * (`colorPrimary` -> `--portico-color-primary`), so any CSS value works (`#6c47ff`, `1rem`, `var(--x)`).
 */
export interface AppearanceVariables {
  /** Buttons, links and focus rings. */
  colorPrimary?: string
  /** Text on primary buttons. */
  colorPrimaryText?: string
  /** The card's background. */
  colorBackground?: string
  /** Body text. */
  colorText?: string
  /** Subtitles, hints and other quiet text. */
  colorTextSecondary?: string
  /** Input background. */
  colorInputBackground?: string
  /** Input text. */
  colorInputText?: string
  /** Borders and separators. */
  colorBorder?: string
  /** Errors and destructive buttons. */
  colorDanger?: string
  /** Confirmations. */
  colorSuccess?: string
  /** Corner radius of cards, inputs and buttons. */
  borderRadius?: string
  fontFamily?: string
  /** Base font size; everything scales from it. */
  fontSize?: string
  /** Base spacing; paddings and gaps are multiples of it. */
  spacingUnit?: string
}

/** The named parts `appearance.elements` can add classes to. */
export type AppearanceElement
  = | 'root' | 'card' | 'header' | 'headerTitle' | 'headerSubtitle' | 'main' | 'footer'
    | 'footerAction' | 'footerActionLink' | 'form' | 'formField' | 'formFieldLabel' | 'formFieldInput'
    | 'formFieldError' | 'formFieldHint' | 'formFieldCheckbox' | 'formButtonPrimary' | 'formButtonSecondary'
    | 'formButtonDanger' | 'formButtonLink' | 'passwordToggle' | 'alert' | 'otpInput' | 'resendButton'
    | 'identityPreview' | 'identityPreviewEditButton' | 'alternativeMethods' | 'alternativeMethodsButton'
    | 'avatarBox' | 'avatarImage' | 'userButtonTrigger' | 'userButtonPopover' | 'userButtonHeader'
    | 'userButtonMenuItem' | 'userProfileSection' | 'userProfileSectionTitle' | 'badge' | 'spinner' | 'list' | 'listItem'
    | 'qrCode' | 'backupCodes'

/** Theme of the components: a base theme, variables, and classes for named parts. */
export interface Appearance {
  /** @default 'auto' */
  baseTheme?: BaseTheme
  variables?: AppearanceVariables
  /** Extra classes per part, e.g. `{ formButtonPrimary: 'btn btn-primary' }`. */
  elements?: Partial<Record<AppearanceElement, string>>
}

/** Layers a component's `appearance` prop over the plugin's: variables by key, element classes added together. */
export function mergeAppearance(base: Appearance | undefined, local: Appearance | undefined): Appearance {
  const elements: Partial<Record<AppearanceElement, string>> = { ...base?.elements }
  for (const [name, value] of Object.entries(local?.elements ?? {}) as [AppearanceElement, string][])
    elements[name] = [elements[name], value].filter(Boolean).join(' ')
  return {
    baseTheme: local?.baseTheme ?? base?.baseTheme ?? 'auto',
    variables: { ...base?.variables, ...local?.variables },
    elements,
  }
}

/** The CSS custom properties for `variables` (`colorPrimary` -> `--portico-color-primary`); empty values are skipped. */
export function variablesToStyle(variables: AppearanceVariables | undefined): Record<string, string> {
  const style: Record<string, string> = {}
  for (const [name, value] of Object.entries(variables ?? {})) {
    if (typeof value === 'string' && value)
      style[`--portico-${name.replace(/[A-Z]/g, letter => `-${letter.toLowerCase()}`)}`] = value
  }
  return style
}
