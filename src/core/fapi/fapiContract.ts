import type {
  BackupCodesJSON,
  ClerkErrorEnvelopeJSON,
  ClientJSON,
  DeletedObjectJSON,
  DevBrowserJSON,
  EmailAddressJSON,
  EnvironmentJSON,
  ImageJSON,
  OrganizationDomainJSON,
  OrganizationInvitationJSON,
  OrganizationJSON,
  OrganizationMembershipJSON,
  OrganizationMembershipRequestJSON,
  OrganizationSuggestionJSON,
  PaginatedJSON,
  PhoneNumberJSON,
  RoleJSON,
  SessionJSON,
  SessionWithActivitiesJSON,
  SignInJSON,
  SignUpJSON,
  TokenJSON,
  TOTPJSON,
  UserJSON,
} from '../../contract'

/**
 * The wire objects a FAPI answer is read as, by the name of their schema in src/contract
 * (`signIn` is `signInSchema`), each with its parsed type.
 */
export interface FapiContracts {
  backupCodes: BackupCodesJSON
  clerkErrorEnvelope: ClerkErrorEnvelopeJSON
  client: ClientJSON
  deletedObject: DeletedObjectJSON
  devBrowser: DevBrowserJSON
  emailAddress: EmailAddressJSON
  environment: EnvironmentJSON
  image: ImageJSON
  organization: OrganizationJSON
  organizationDomain: OrganizationDomainJSON
  organizationInvitation: OrganizationInvitationJSON
  organizationMembership: OrganizationMembershipJSON
  organizationMembershipRequest: OrganizationMembershipRequestJSON
  organizationSuggestion: OrganizationSuggestionJSON
  phoneNumber: PhoneNumberJSON
  role: RoleJSON
  session: SessionJSON
  sessionWithActivities: SessionWithActivitiesJSON
  signIn: SignInJSON
  signUp: SignUpJSON
  token: TokenJSON
  totp: TOTPJSON
  user: UserJSON
}

/** The name of one wire object's contract. */
export type FapiContractName = keyof FapiContracts

/**
 * What a FAPI answer must hold: `name` one object, `name?` one or null, `name[]` a bare array,
 * `name[page]` a page `{data, total_count}`, `unknown` anything, `none` no body at all. A string,
 * not a schema, so that production builds carry no schema (see `readContract`).
 */
export type FapiContract
  = | FapiContractName
    | `${FapiContractName}?`
    | `${FapiContractName}[]`
    | `${FapiContractName}[page]`
    | 'unknown'
    | 'none'

/** What an answer read with `C` is. */
export type FapiContractOutput<C extends FapiContract>
  = C extends 'unknown' ? unknown
    : C extends 'none' ? undefined
      : C extends `${infer N extends FapiContractName}[page]` ? PaginatedJSON<FapiContracts[N]>
        : C extends `${infer N extends FapiContractName}[]` ? FapiContracts[N][]
          : C extends `${infer N extends FapiContractName}?` ? FapiContracts[N] | null
            : C extends FapiContractName ? FapiContracts[C]
              : never

/** How a contract wraps its object. */
export type FapiContractForm = 'one' | 'nullable' | 'list' | 'page'

/** Splits `signIn[page]` into `{ name: 'signIn', form: 'page' }`; `unknown` and `none` have no name. */
export function splitContract(contract: FapiContract): { name: FapiContractName | undefined, form: FapiContractForm } {
  if (contract === 'unknown' || contract === 'none')
    return { name: undefined, form: 'one' }
  if (contract.endsWith('[page]'))
    return { name: contract.slice(0, -6) as FapiContractName, form: 'page' }
  if (contract.endsWith('[]'))
    return { name: contract.slice(0, -2) as FapiContractName, form: 'list' }
  if (contract.endsWith('?'))
    return { name: contract.slice(0, -1) as FapiContractName, form: 'nullable' }
  return { name: contract as FapiContractName, form: 'one' }
}
