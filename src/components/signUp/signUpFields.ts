import type { Environment } from '../../core'
import type { LocalizationKey } from '../../localization'

/** A sign-up field `<SignUp>` can ask for, by wire name. */
export type SignUpFieldName = 'first_name' | 'last_name' | 'username' | 'email_address' | 'phone_number' | 'password'

/** How to render one sign-up field. */
export interface SignUpField {
  name: SignUpFieldName
  label: LocalizationKey
  type: 'text' | 'email' | 'password' | 'tel'
  autocomplete: string
  inputmode?: 'email' | 'tel'
  required: boolean
}

// display order, and what each field looks like
const SPECS: Record<SignUpFieldName, Omit<SignUpField, 'name' | 'required'>> = {
  first_name: { label: 'fields.first_name', type: 'text', autocomplete: 'given-name' },
  last_name: { label: 'fields.last_name', type: 'text', autocomplete: 'family-name' },
  username: { label: 'fields.username', type: 'text', autocomplete: 'username' },
  email_address: { label: 'fields.email_address', type: 'email', autocomplete: 'email', inputmode: 'email' },
  phone_number: { label: 'fields.phone_number', type: 'tel', autocomplete: 'tel', inputmode: 'tel' },
  password: { label: 'fields.password', type: 'password', autocomplete: 'new-password' },
}

/** What the sign-up form hands to its action. */
export interface SignUpFormValues {
  values: Partial<Record<SignUpFieldName, string>>
  legalAccepted: boolean
}

const NAMES = Object.keys(SPECS) as SignUpFieldName[]

/** True for the fields `<SignUp>` knows how to ask for. */
export function isSignUpField(name: string): name is SignUpFieldName {
  return name in SPECS
}

/** The fields the instance offers at sign-up (enabled attributes), marking the required ones. */
export function signUpFields(environment: Environment | undefined): SignUpField[] {
  const attributes = environment?.userSettings.attributes
  if (!attributes)
    return [field('email_address', true), field('password', true)]
  return NAMES.filter(name => attributes[name]?.enabled).map(name => field(name, attributes[name]!.required))
}

/** The given fields (e.g. a sign-up's `missingFields`) that `<SignUp>` can ask for, all required. */
export function missingSignUpFields(names: readonly string[]): SignUpField[] {
  return NAMES.filter(name => names.includes(name)).map(name => field(name, true))
}

function field(name: SignUpFieldName, required: boolean): SignUpField {
  return { name, required, ...SPECS[name] }
}
