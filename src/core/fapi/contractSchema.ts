import type { FapiContract, FapiContractName, FapiContracts } from './fapiContract'
import * as z from 'zod/mini'
import {
  backupCodesSchema,
  clerkErrorEnvelopeSchema,
  clientSchema,
  deletedObjectSchema,
  devBrowserSchema,
  emailAddressSchema,
  environmentSchema,
  imageSchema,
  organizationDomainSchema,
  organizationInvitationSchema,
  organizationMembershipRequestSchema,
  organizationMembershipSchema,
  organizationSchema,
  organizationSuggestionSchema,
  paginatedSchema,
  phoneNumberSchema,
  roleSchema,
  sessionSchema,
  sessionWithActivitiesSchema,
  signInSchema,
  signUpSchema,
  tokenSchema,
  totpSchema,
  userSchema,
} from '../../contract'
import { splitContract } from './fapiContract'

/** The contract schema of every wire object the core reads. Development builds only: see `readContract`. */
export const CONTRACT_SCHEMAS: { readonly [K in FapiContractName]: z.core.$ZodType<FapiContracts[K]> } = {
  backupCodes: backupCodesSchema,
  clerkErrorEnvelope: clerkErrorEnvelopeSchema,
  client: clientSchema,
  deletedObject: deletedObjectSchema,
  devBrowser: devBrowserSchema,
  emailAddress: emailAddressSchema,
  environment: environmentSchema,
  image: imageSchema,
  organization: organizationSchema,
  organizationDomain: organizationDomainSchema,
  organizationInvitation: organizationInvitationSchema,
  organizationMembership: organizationMembershipSchema,
  organizationMembershipRequest: organizationMembershipRequestSchema,
  organizationSuggestion: organizationSuggestionSchema,
  phoneNumber: phoneNumberSchema,
  role: roleSchema,
  session: sessionSchema,
  sessionWithActivities: sessionWithActivitiesSchema,
  signIn: signInSchema,
  signUp: signUpSchema,
  token: tokenSchema,
  totp: totpSchema,
  user: userSchema,
}

const built = new Map<FapiContract, z.core.$ZodType>()

/** The zod schema a contract stands for (`client?` is `z.nullable(clientSchema)`), built once. */
export function contractSchema(contract: FapiContract): z.core.$ZodType {
  let schema = built.get(contract)
  if (!schema) {
    const { name, form } = splitContract(contract)
    if (name === undefined) {
      schema = contract === 'none' ? z.undefined() : z.unknown()
    }
    else {
      const one = CONTRACT_SCHEMAS[name]
      schema = form === 'nullable' ? z.nullable(one) : form === 'list' ? z.array(one) : form === 'page' ? paginatedSchema(one) : one
    }
    built.set(contract, schema)
  }
  return schema
}
