import type { SignUpCreateParams } from '../../core'
import type { SignUpFormValues } from './signUpFields'

/** The `signUp.create`/`update` parameters for what the form collected (blank fields are left out). */
export function toSignUpParams({ values, legalAccepted }: SignUpFormValues, legal: boolean): SignUpCreateParams {
  return {
    firstName: values.first_name,
    lastName: values.last_name,
    username: values.username,
    emailAddress: values.email_address,
    phoneNumber: values.phone_number,
    password: values.password,
    legalAccepted: legal ? legalAccepted : undefined,
  }
}
