/**
 * End-user messages of the error codes only sign-up and the account pages meet (taken identifiers,
 * username rules, consent, the current password, deleting the account), merged into `errors` by
 * `<SignUp>` and `<UserProfile>`, so that `<SignIn>` alone does not carry them.
 */
export const accountErrors = {
  form_identifier_exists: 'That identifier is already taken. Please try another.',
  form_identifier_exists__email_address: 'That email address is taken. Please try another.',
  form_identifier_exists__username: 'That username is taken. Please try another.',
  form_password_validation_failed: 'That password is incorrect.',
  form_new_password_matches_current: 'The new password must be different from the current one.',
  form_username_invalid_length: 'The username has an invalid length.',
  form_username_invalid_character: 'The username contains characters that are not allowed.',
  form_username_needs_non_number_char: 'The username needs at least one character that is not a number.',
  legal_not_accepted: 'Please accept the terms to continue.',
  sign_up_mode_restricted: 'Sign-ups are currently restricted.',
  sign_up_restricted_waitlist: 'Sign-ups are currently closed.',
  user_delete_self_not_enabled: 'Deleting your account is not enabled.',
  organization_invitation_identification_already_exists: 'An account already uses the invited email address. Sign in to accept the invitation.',
} as const
