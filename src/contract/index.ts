// The FAPI contract shared by the SDK and the server: zod schemas of every wire object, the error-code
// catalogue, session-token decoding, has(), publishable keys and the redirect allow-list. Imports nothing but zod/mini.

export { createCheckAuthorization } from './authorization'
export type {
  CheckAuthorization,
  CheckAuthorizationInput,
  CheckAuthorizationParams,
  ReverificationConfig,
  ReverificationLevel,
} from './authorization'
export { clerkError, errorCodes, isClerkErrorCode } from './errorCodes'
export type {
  ClerkErrorCode,
  ClerkErrorMeta,
  ClerkErrorOverrides,
  ClerkWireError,
  ErrorCodeDefinition,
} from './errorCodes'
export { IMAGE_UPLOAD_MAX_BYTES, IMAGE_UPLOAD_TYPES, isImageUploadType } from './imageUpload'
export type { ImageUploadType } from './imageUpload'
export { issueMessage } from './issueMessage'
export { ClerkContractError, formatIssuePath, isClerkContractError, parseContract } from './parseContract'
export type { ContractIssue } from './parseContract'
export { buildPublishableKey, isDevelopmentFrontendApi, parsePublishableKey } from './publishableKey'
export type { InstanceType, PublishableKey } from './publishableKey'
export { isAllowedRedirectUrl } from './redirectUrl'
export type { RedirectUrlOptions } from './redirectUrl'
export { backupCodesSchema } from './schemas/backupCodes'
export type { BackupCodesJSON, BackupCodesJSONInput } from './schemas/backupCodes'
export { clerkAPIErrorSchema, clerkErrorEnvelopeSchema, clerkErrorMetaSchema } from './schemas/clerkErrorEnvelope'
export type {
  ClerkAPIErrorJSON,
  ClerkErrorEnvelopeJSON,
  ClerkErrorEnvelopeJSONInput,
  ClerkErrorMetaJSON,
} from './schemas/clerkErrorEnvelope'
export { clientSchema } from './schemas/client'
export type { ClientJSON, ClientJSONInput } from './schemas/client'
export { deletedObjectSchema } from './schemas/deletedObject'
export type { DeletedObjectJSON, DeletedObjectJSONInput } from './schemas/deletedObject'
export { devBrowserSchema } from './schemas/devBrowser'
export type { DevBrowserJSON } from './schemas/devBrowser'
export { emailAddressSchema } from './schemas/emailAddress'
export type { EmailAddressJSON, EmailAddressJSONInput } from './schemas/emailAddress'
export { envelopeSchema } from './schemas/envelope'
export type { EnvelopeJSON } from './schemas/envelope'
export { authConfigSchema } from './schemas/environment/authConfig'
export type { AuthConfigJSON } from './schemas/environment/authConfig'
export { displayConfigSchema } from './schemas/environment/displayConfig'
export type { DisplayConfigJSON } from './schemas/environment/displayConfig'
export { commerceSettingsSchema, environmentSchema } from './schemas/environment/environment'
export type { CommerceSettingsJSON, EnvironmentJSON, EnvironmentJSONInput } from './schemas/environment/environment'
export { organizationSettingsSchema } from './schemas/environment/organizationSettings'
export type { OrganizationSettingsJSON } from './schemas/environment/organizationSettings'
export {
  socialProviderSettingsSchema,
  USER_SETTINGS_ATTRIBUTE_NAMES,
  userSettingsAttributeSchema,
  userSettingsSchema,
} from './schemas/environment/userSettings'
export type {
  UserSettingsAttributeJSON,
  UserSettingsAttributeName,
  UserSettingsJSON,
} from './schemas/environment/userSettings'
export { externalAccountSchema } from './schemas/externalAccount'
export type { ExternalAccountJSON } from './schemas/externalAccount'
export { factorSchema } from './schemas/factor'
export type { FactorJSON } from './schemas/factor'
export { imageSchema } from './schemas/image'
export type { ImageJSON } from './schemas/image'
export { linkedIdentificationSchema } from './schemas/linkedIdentification'
export type { LinkedIdentificationJSON } from './schemas/linkedIdentification'
export { organizationSchema } from './schemas/organization'
export type { OrganizationJSON, OrganizationJSONInput } from './schemas/organization'
export { organizationDomainSchema, organizationEnrollmentModeSchema } from './schemas/organizationDomain'
export type { OrganizationDomainJSON, OrganizationDomainJSONInput } from './schemas/organizationDomain'
export { organizationInvitationSchema, organizationInvitationStatusSchema } from './schemas/organizationInvitation'

export type {
  OrganizationInvitationJSON,
  OrganizationInvitationJSONInput,
  OrganizationInvitationStatus,
} from './schemas/organizationInvitation'
export { organizationMembershipSchema } from './schemas/organizationMembership'
export type { OrganizationMembershipJSON, OrganizationMembershipJSONInput } from './schemas/organizationMembership'
export { organizationMembershipRequestSchema } from './schemas/organizationMembershipRequest'
export type {
  OrganizationMembershipRequestJSON,
  OrganizationMembershipRequestJSONInput,
} from './schemas/organizationMembershipRequest'
export { organizationSuggestionSchema } from './schemas/organizationSuggestion'
export type { OrganizationSuggestionJSON, OrganizationSuggestionJSONInput } from './schemas/organizationSuggestion'
export { paginatedSchema } from './schemas/paginated'
export type { PaginatedJSON } from './schemas/paginated'
export { passkeySchema } from './schemas/passkey'
export type { PasskeyJSON } from './schemas/passkey'
export { permissionSchema } from './schemas/permission'
export type { PermissionJSON, PermissionJSONInput } from './schemas/permission'
export { phoneNumberSchema } from './schemas/phoneNumber'
export type { PhoneNumberJSON, PhoneNumberJSONInput } from './schemas/phoneNumber'
export { metadataSchema, timestampSchema } from './schemas/primitives'
export { protectCheckSchema } from './schemas/protectCheck'
export type { ProtectCheckJSON } from './schemas/protectCheck'
export { publicOrganizationDataSchema } from './schemas/publicOrganizationData'
export type { PublicOrganizationDataJSON } from './schemas/publicOrganizationData'
export { publicUserDataSchema } from './schemas/publicUserData'
export type { PublicUserDataJSON, PublicUserDataJSONInput } from './schemas/publicUserData'
export { roleSchema } from './schemas/role'
export type { RoleJSON, RoleJSONInput } from './schemas/role'
export { sessionActorSchema, sessionBaseSchema, sessionSchema, sessionStatusSchema, sessionTaskSchema } from './schemas/session'
export type { SessionActorJSON, SessionJSON, SessionJSONInput, SessionStatus } from './schemas/session'
export { sessionVerificationSchema } from './schemas/sessionVerification'
export type { SessionVerificationJSON, SessionVerificationJSONInput } from './schemas/sessionVerification'
export { sessionActivitySchema, sessionWithActivitiesSchema } from './schemas/sessionWithActivities'
export type {
  SessionActivityJSON,
  SessionWithActivitiesJSON,
  SessionWithActivitiesJSONInput,
} from './schemas/sessionWithActivities'
export { signInSchema, signInStatusSchema, signInUserDataSchema } from './schemas/signIn'
export type { SignInJSON, SignInJSONInput, SignInStatus } from './schemas/signIn'
export { signUpSchema, signUpStatusSchema } from './schemas/signUp'
export type { SignUpJSON, SignUpJSONInput, SignUpStatus } from './schemas/signUp'
export { tokenSchema } from './schemas/token'
export type { TokenJSON, TokenJSONInput } from './schemas/token'
export { totpSchema } from './schemas/totp'
export type { TOTPJSON, TOTPJSONInput } from './schemas/totp'
export { userSchema } from './schemas/user'
export type { UserJSON, UserJSONInput } from './schemas/user'
export {
  signUpVerificationSchema,
  signUpVerificationsSchema,
  verificationSchema,
  verificationStatusSchema,
} from './schemas/verification'
export type {
  SignUpVerificationJSON,
  SignUpVerificationsJSON,
  VerificationJSON,
  VerificationJSONInput,
  VerificationStatus,
} from './schemas/verification'
export { web3WalletSchema } from './schemas/web3Wallet'
export type { Web3WalletJSON } from './schemas/web3Wallet'
export { decodeJwt, decodeOrgPermissions, parseSessionClaims } from './sessionClaims'
export type { DecodedJwt, SessionActor, SessionClaims } from './sessionClaims'
export { readTicketLink, TICKET_PARAM, TICKET_STATUS_PARAM } from './ticketLink'
export type { TicketLink, TicketStatus } from './ticketLink'
