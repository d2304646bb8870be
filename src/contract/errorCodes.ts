/** One catalogue entry: the HTTP status a code travels with and its default texts. */
export interface ErrorCodeDefinition {
  readonly status: number
  /** Short text, `errors[].message`. */
  readonly message: string
  /** Full sentence, `errors[].long_message`; falls back to `message`. */
  readonly longMessage?: string
}

function define<const T extends Record<string, ErrorCodeDefinition>>(codes: T): Readonly<T> {
  for (const entry of Object.values(codes))
    Object.freeze(entry)
  return Object.freeze(codes)
}

/**
 * The FAPI error codes Portico speaks (fapi.md 3.3), with the status each one travels with. Codes are
 * permanent: never rename or reuse one. Entries marked "Portico" have no Clerk equivalent.
 */
export const errorCodes = define({
  // sign-in and identifiers
  form_identifier_not_found: { status: 422, message: 'Couldn\'t find your account.' },
  form_password_incorrect: { status: 422, message: 'Password is incorrect. Try again, or use another method.' },
  form_password_or_identifier_incorrect: { status: 422, message: 'Password or identifier is incorrect.', longMessage: 'The identifier or the password is incorrect. Try again, or use another method.' },
  form_code_incorrect: { status: 422, message: 'is incorrect', longMessage: 'Incorrect code' },
  form_identifier_exists: { status: 422, message: 'That identifier is taken.', longMessage: 'That identifier is taken. Please try another.' },
  strategy_for_user_invalid: { status: 400, message: 'Invalid verification strategy', longMessage: 'This verification strategy is not available for this account.' },
  no_second_factors: { status: 400, message: 'No second factors', longMessage: 'No second factors were found for this strategy.' },
  sign_up_if_missing_transfer: { status: 404, message: 'User not found, transfer to sign up', longMessage: 'No account matches this identifier. Transfer to a sign-up to continue.' },

  // form parameters
  form_param_missing: { status: 422, message: 'is missing', longMessage: 'A required parameter is missing.' },
  form_param_nil: { status: 422, message: 'is empty', longMessage: 'A required parameter is empty.' },
  form_param_format_invalid: { status: 422, message: 'is invalid', longMessage: 'A parameter has an invalid format.' },
  form_param_value_invalid: { status: 422, message: 'is invalid', longMessage: 'A parameter has a value that is not allowed.' },
  form_param_unknown: { status: 422, message: 'is unknown', longMessage: 'A parameter is not valid for this request.' },
  form_param_duplicate: { status: 422, message: 'is duplicate', longMessage: 'A parameter was sent more than once.' },
  form_param_max_length_exceeded: { status: 422, message: 'exceeds maximum length', longMessage: 'A parameter is longer than allowed.' },
  legal_not_accepted: { status: 422, message: 'Legal consent not accepted', longMessage: 'You must accept the legal terms to continue.' },

  // passwords
  form_password_pwned: { status: 422, message: 'Password has been found in an online data breach.', longMessage: 'This password has appeared in a data breach and cannot be used. Please choose another one.' },
  form_password_compromised: { status: 422, message: 'Password may be compromised.', longMessage: 'Your password may be compromised. Continue with another method or reset your password.' },
  form_password_length_too_short: { status: 422, message: 'Password is too short.', longMessage: 'Your password is shorter than the minimum length.' },
  form_password_length_too_long: { status: 422, message: 'Password is too long.', longMessage: 'Your password is longer than the maximum length.' },
  form_password_size_in_bytes_exceeded: { status: 422, message: 'Password is too long.', longMessage: 'Your password is too long. Please use a shorter one.' },
  form_password_no_uppercase: { status: 422, message: 'Passwords must contain at least one uppercase character.' },
  form_password_no_lowercase: { status: 422, message: 'Passwords must contain at least one lowercase character.' },
  form_password_no_number: { status: 422, message: 'Passwords must contain at least one number.' },
  form_password_no_special_char: { status: 422, message: 'Passwords must contain at least one special character.' },
  form_password_not_strong_enough: { status: 422, message: 'Password is not strong enough.' },
  form_password_matches_identifier: { status: 422, message: 'Password cannot match your identifier.', longMessage: 'Your password cannot be your email address, phone number or username.' },
  form_password_validation_failed: { status: 422, message: 'Incorrect password. Please try again.' },
  form_new_password_matches_current: { status: 422, message: 'is invalid', longMessage: 'The new password must differ from the current one.' },

  // usernames
  form_username_invalid_length: { status: 422, message: 'Username has an invalid length.' },
  form_username_invalid_character: { status: 422, message: 'Username contains invalid characters.' },
  form_username_needs_non_number_char: { status: 422, message: 'Username must contain a non-numeric character.' },

  // verifications
  verification_expired: { status: 400, message: 'expired', longMessage: 'This verification has expired. Start a new one.' },
  verification_failed: { status: 400, message: 'failed', longMessage: 'Too many failed attempts. Try again with the same or another method.' },
  verification_already_verified: { status: 400, message: 'already verified', longMessage: 'This verification has already been completed.' },
  verification_missing: { status: 400, message: 'is missing', longMessage: 'Prepare this verification before attempting it.' },
  verification_not_sent: { status: 400, message: 'not sent', longMessage: 'Send a verification code before attempting to verify.' },
  verification_strategy_invalid: { status: 400, message: 'has invalid strategy', longMessage: 'This strategy is not valid for the current verification.' },
  verification_code_too_many_requests: { status: 429, message: 'Too many verification code requests', longMessage: 'Too many verification code requests. Please wait 30 seconds before asking for another code.' },

  // tickets (an invitation link's `__clerk_ticket`)
  ticket_invalid_code: { status: 400, message: 'ticket is invalid', longMessage: 'This link is not valid. Use the link from your invitation email.' },
  ticket_expired_code: { status: 400, message: 'ticket has expired', longMessage: 'This link has expired. Ask for a new invitation.' },

  // sessions, clients and authentication
  session_exists: { status: 400, message: 'Session already exists', longMessage: 'You\'re already signed in.' },
  identifier_already_signed_in: { status: 400, message: 'You\'re already signed in', longMessage: 'You\'re already signed in with this identifier.' },
  session_reverification_required: { status: 403, message: 'Reverification required', longMessage: 'Verify your identity again to perform this action.' },
  missing_expired_token: { status: 422, message: 'Missing expired token', longMessage: 'Retry with the expired session token.' },
  client_state_invalid: { status: 400, message: 'Invalid action', longMessage: 'This action is not allowed in the current state of the client.' },
  client_not_found: { status: 400, message: 'No client found', longMessage: 'This request expects a client and did not find one.' },
  authentication_invalid: { status: 401, message: 'Invalid authentication', longMessage: 'Unable to authenticate the request: an active session is required.' },
  signed_out: { status: 401, message: 'Signed out', longMessage: 'You are signed out.' },
  dev_browser_unauthenticated: { status: 401, message: 'Browser unauthenticated', longMessage: 'This browser is not authenticated for the development instance.' },
  requires_captcha: { status: 401, message: 'CAPTCHA verification is required' },
  user_locked: { status: 403, message: 'Account locked', longMessage: 'Your account is locked. Please try again later.' },
  user_banned: { status: 403, message: 'User banned', longMessage: 'This account has been banned.' },
  user_deactivated: { status: 403, message: 'User deactivated', longMessage: 'This account has been deactivated.' },
  not_allowed_access: { status: 403, message: 'Access not allowed.', longMessage: 'This identifier is not allowed to access this application.' },
  sign_up_mode_restricted: { status: 403, message: 'Sign-ups restricted', longMessage: 'New sign-ups are currently restricted.' },
  sign_up_restricted_waitlist: { status: 403, message: 'Sign-ups restricted with waitlist', longMessage: 'Sign-ups are currently closed. Join the waitlist to be notified.' },

  // request and transport
  origin_invalid: { status: 400, message: 'Invalid HTTP Origin header', longMessage: 'The request Origin is not allowed for this instance.' },
  host_invalid: { status: 400, message: 'Invalid host', longMessage: 'This request could not be attributed to an instance.' },
  request_header_missing: { status: 400, message: 'Invalid request headers', longMessage: 'Browser requests need an Origin header; native requests need an Authorization header.' },
  origin_authorization_headers_conflict: { status: 400, message: 'Conflicting headers', longMessage: 'Send either an Origin or an Authorization header, not both.' },
  native_api_disabled: { status: 400, message: 'Native API disabled', longMessage: 'The native API is disabled for this instance.' },
  url_based_session_syncing_disabled: { status: 400, message: 'URL-based session syncing is disabled', longMessage: 'URL-based session syncing is disabled for this instance.' },
  request_body_invalid: { status: 400, message: 'Request body invalid', longMessage: 'The request body is invalid.' },
  // Portico: RD-1 asks for 400 (Clerk's own code of that name answers 422)
  invalid_redirect_url: { status: 400, message: 'Redirect URL invalid', longMessage: 'The redirect URL is not allowed.' },
  captcha_invalid: { status: 400, message: 'CAPTCHA invalid', longMessage: 'The security check failed. Please try again.' },
  captcha_missing_token: { status: 400, message: 'CAPTCHA token missing', longMessage: 'The security check did not complete. Refresh the page and try again.' },
  captcha_not_enabled: { status: 400, message: 'CAPTCHA not enabled', longMessage: 'A CAPTCHA was completed, but CAPTCHA is not enabled.' },
  resource_forbidden: { status: 403, message: 'forbidden', longMessage: 'Resource forbidden' },
  resource_not_found: { status: 404, message: 'not found', longMessage: 'Resource not found' },
  // Portico: AZ-3's generic "does not exist or is not yours"
  not_found: { status: 404, message: 'not found', longMessage: 'Resource not found' },
  // Portico: CS-1, a state change sent with GET
  method_not_allowed: { status: 405, message: 'Method not allowed', longMessage: 'This method is not allowed for this endpoint.' },
  // Portico: IN-2's 1 MiB body limit (Clerk says request_body_too_large)
  payload_too_large: { status: 413, message: 'Payload too large', longMessage: 'The request body is larger than allowed.' },
  unsupported_content_type: { status: 415, message: 'Content-Type is unsupported', longMessage: 'Send the body as application/x-www-form-urlencoded or multipart/form-data.' },
  too_many_requests: { status: 429, message: 'Too many requests', longMessage: 'Too many requests. Please retry later.' },
  internal_clerk_error: { status: 500, message: 'Oops, an unexpected error occurred', longMessage: 'There was an internal error on the server. Please try again.' },
  // Portico: RL-4, the database or secret store is down
  service_unavailable: { status: 503, message: 'Service unavailable', longMessage: 'The service is temporarily unavailable. Please retry later.' },

  // organizations
  not_a_member_in_organization: { status: 403, message: 'not a member', longMessage: 'You are not a member of this organization.' },
  missing_organization_permission: { status: 403, message: 'missing permission', longMessage: 'You are missing an organization permission.' },
  organization_not_enabled_in_instance: { status: 403, message: 'access denied', longMessage: 'Organizations are not enabled for this instance.' },
  organization_admin_delete_not_enabled: { status: 403, message: 'admin delete not enabled', longMessage: 'Deletion by admins is not enabled for this organization.' },
  organization_quota_exceeded: { status: 403, message: 'organization quota exceeded', longMessage: 'You have reached your limit of organizations.' },
  organization_membership_quota_exceeded: { status: 403, message: 'organization membership quota exceeded', longMessage: 'This organization has reached its membership limit.' },
  user_create_organization_not_enabled: { status: 403, message: 'create organization not enabled', longMessage: 'Creating organizations is not enabled for this user.' },
  user_delete_self_not_enabled: { status: 403, message: 'delete self not enabled', longMessage: 'Deleting your own account is not enabled.' },
  already_a_member_in_organization: { status: 400, message: 'already a member', longMessage: 'This user is already a member of the organization.' },
  organization_invitation_already_accepted: { status: 400, message: 'invitation already accepted', longMessage: 'This invitation has already been accepted. Sign in instead.' },
  organization_invitation_revoked_code: { status: 400, message: 'invitation has been revoked', longMessage: 'This invitation was revoked, so its link no longer works.' },
  organization_invitation_identification_not_exist: { status: 400, message: 'identification not found', longMessage: 'No account uses the invited email address. Sign up to accept this invitation.' },
  organization_invitation_identification_already_exists: { status: 400, message: 'email address already exists', longMessage: 'An account already uses the invited email address. If it is yours, sign in to accept the invitation.' },
  organization_invitation_not_unique: { status: 400, message: 'invitation not unique', longMessage: 'There is already a pending invitation for this email address.' },
  organization_minimum_permissions_needed: { status: 400, message: 'minimum permissions needed', longMessage: 'At least one member must keep the permissions needed to manage the organization.' },
  organization_invitation_not_found: { status: 404, message: 'not found', longMessage: 'No invitation was found.' },
  organization_invitation_not_pending: { status: 404, message: 'not pending', longMessage: 'This invitation is no longer pending.' },
  organization_domain_already_exists: { status: 422, message: 'domain already exists', longMessage: 'Another organization already uses this domain.' },
  organization_domain_common: { status: 422, message: 'common email domain', longMessage: 'This is a common email provider domain. Please use another one.' },
  organization_domain_blocked: { status: 422, message: 'blocked email domain', longMessage: 'This email domain is blocked. Please use another one.' },
  organization_domain_mismatch: { status: 422, message: 'domain mismatch', longMessage: 'The email address does not match the organization domain.' },
})

/** A code of the catalogue. */
export type ClerkErrorCode = keyof typeof errorCodes

/** The `meta` of one wire error; `param_name` names the offending form field. */
export interface ClerkErrorMeta {
  param_name?: string
  session_id?: string
  email_addresses?: string[]
  identifiers?: string[]
  zxcvbn?: { suggestions?: { code: string, message: string }[] }
  [key: string]: unknown
}

/** One error as it travels in `errors[]` (fapi.md 3.2). */
export interface ClerkWireError<C extends string = ClerkErrorCode> {
  code: C
  message: string
  long_message: string
  meta: ClerkErrorMeta
}

/** What {@link clerkError} lets a caller change. */
export interface ClerkErrorOverrides {
  message?: string
  longMessage?: string
  /** @default {} */
  meta?: ClerkErrorMeta
}

/** True when `code` is in the catalogue. */
export function isClerkErrorCode(code: unknown): code is ClerkErrorCode {
  return typeof code === 'string' && Object.hasOwn(errorCodes, code)
}

/**
 * Builds one wire error from the catalogue; the HTTP status to send is `errorCodes[code].status`.
 *
 * @example
 * c.json({ errors: [clerkError('form_param_missing', { meta: { param_name: 'identifier' } })] }, errorCodes.form_param_missing.status)
 */
export function clerkError<C extends ClerkErrorCode>(code: C, overrides: ClerkErrorOverrides = {}): ClerkWireError<C> {
  const entry: ErrorCodeDefinition = errorCodes[code]
  const message = overrides.message ?? entry.message
  return {
    code,
    message,
    long_message: overrides.longMessage ?? (overrides.message === undefined ? entry.longMessage : undefined) ?? message,
    meta: { ...overrides.meta },
  }
}
