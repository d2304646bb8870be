import type { UserJSON } from '../../contract'
import type { BackupCode } from './BackupCode'
import type { DeletedObject } from './DeletedObject'
import type { ImageResource } from './ImageResource'
import type { ImageUploadFile } from './imageUploadBody'
import type { GetUserOrganizationSuggestionsParams, OrganizationSuggestion } from './OrganizationSuggestion'
import type { ClerkPaginatedResponse } from './pagination'
import type { ResourceContext } from './ResourceContext'
import type { SessionWithActivities } from './SessionWithActivities'
import type { TOTP } from './TOTP'
import type { GetUserOrganizationInvitationsParams, UserOrganizationInvitation } from './UserOrganizationInvitation'
import type { GetUserOrganizationMembershipParams } from './userOrganizations'
import type { CreatePhoneNumberParams, VerifyTOTPParams } from './userSecondFactors'
import { BaseResource } from './BaseResource'
import { toDate } from './dates'
import { EmailAddress } from './EmailAddress'
import { toImageResource } from './ImageResource'
import { imageUploadBody } from './imageUploadBody'
import { OrganizationMembership } from './OrganizationMembership'
import { fetchUserSuggestions } from './OrganizationSuggestion'
import { PhoneNumber } from './PhoneNumber'
import { fetchActiveSessions } from './SessionWithActivities'
import { fetchUserInvitations } from './UserOrganizationInvitation'
import { fetchUserMemberships, leaveOrganization } from './userOrganizations'
import { createBackupCode, createPhoneNumber, createTOTP, disableTOTP, verifyTOTP } from './userSecondFactors'

/** Options of `User.update` (ClerkJS names); omitted fields are left alone. */
export interface UpdateUserParams {
  firstName?: string | null
  lastName?: string | null
  username?: string | null
  primaryEmailAddressId?: string
  primaryPhoneNumberId?: string
  primaryWeb3WalletId?: string
  /** Replaces the whole unsafe metadata (use `updateMetadata` to merge). */
  unsafeMetadata?: Record<string, unknown>
}

/** Options of `User.updateMetadata`. */
export interface UpdateUserMetadataParams {
  /** Merged into the current unsafe metadata (RFC 7396: a `null` value deletes its key). */
  unsafeMetadata: Record<string, unknown>
}

/** Options of `User.updatePassword`. */
export interface UpdateUserPasswordParams {
  /** Required when the user already has a password. */
  currentPassword?: string
  newPassword: string
  /** End every other session of this user. @default false */
  signOutOfOtherSessions?: boolean
}

/** Options of `User.removePassword`. */
export interface RemoveUserPasswordParams {
  currentPassword: string
}

/** Options of `User.setProfileImage`. */
export interface SetProfileImageParams {
  /** A PNG, JPEG, GIF or WebP image (at most 2 MB), or `null` to remove the profile image. */
  file: ImageUploadFile
}

/** Options of `User.createEmailAddress`. */
export interface CreateEmailAddressParams {
  email: string
}

/** The signed-in user (`/me`), as ClerkJS's `User`. */
export class User extends BaseResource {
  id = ''
  externalId: string | null = null
  username: string | null = null
  firstName: string | null = null
  lastName: string | null = null
  /** First and last name joined, or `null` when both are empty. */
  fullName: string | null = null
  imageUrl = ''
  hasImage = false
  primaryEmailAddressId: string | null = null
  primaryEmailAddress: EmailAddress | null = null
  primaryPhoneNumberId: string | null = null
  primaryPhoneNumber: PhoneNumber | null = null
  primaryWeb3WalletId: string | null = null
  emailAddresses: EmailAddress[] = []
  phoneNumbers: PhoneNumber[] = []
  organizationMemberships: OrganizationMembership[] = []
  passwordEnabled = false
  twoFactorEnabled = false
  totpEnabled = false
  backupCodeEnabled = false
  publicMetadata: Record<string, unknown> = {}
  unsafeMetadata: Record<string, unknown> = {}
  lastSignInAt: Date | null = null
  legalAcceptedAt: Date | null = null
  createOrganizationEnabled = false
  createOrganizationsLimit: number | null = null
  deleteSelfEnabled = false
  createdAt: Date | null = null
  updatedAt: Date | null = null

  constructor(json: UserJSON, ctx: ResourceContext) {
    super(ctx)
    this.fromJSON(json)
  }

  /** True when the user has at least one verified email address. */
  get hasVerifiedEmailAddress(): boolean {
    return this.emailAddresses.some(email => email.verification.verified)
  }

  /** True when the user has at least one verified phone number. */
  get hasVerifiedPhoneNumber(): boolean {
    return this.phoneNumbers.some(phone => phone.verification.verified)
  }

  /** Updates profile fields (`PATCH /me`). */
  async update(params: UpdateUserParams): Promise<this> {
    const { unsafeMetadata, ...rest } = params
    return this.patch('/me', { ...rest, unsafeMetadata: unsafeMetadata && JSON.stringify(unsafeMetadata) })
  }

  /** Merges into the unsafe metadata (`PATCH /me/metadata`). */
  async updateMetadata(params: UpdateUserMetadataParams): Promise<this> {
    return this.patch('/me/metadata', { unsafeMetadata: JSON.stringify(params.unsafeMetadata) })
  }

  /**
   * Uploads the profile image, or removes it with `{ file: null }`; answers the image (the removed one
   * for `null`). The user's `imageUrl` and `hasImage` follow through the piggybacked client.
   */
  async setProfileImage({ file }: SetProfileImageParams): Promise<ImageResource> {
    const { response } = file === null
      ? await this.ctx.request({ path: '/me/profile_image', method: 'DELETE', contract: 'image' })
      : await this.ctx.request({ path: '/me/profile_image', method: 'POST', body: imageUploadBody(file), contract: 'image' })
    return toImageResource(response)
  }

  /** Sets or changes the password; optionally signs out every other session. */
  async updatePassword(params: UpdateUserPasswordParams): Promise<this> {
    return this.post('/me/change_password', { ...params })
  }

  /** Removes the password (the user then signs in with codes or OAuth). */
  async removePassword(params: RemoveUserPasswordParams): Promise<this> {
    return this.post('/me/remove_password', { ...params })
  }

  /** Adds an (unverified) email address; verify it with `prepareVerification`/`attemptVerification`. */
  async createEmailAddress(params: CreateEmailAddressParams): Promise<EmailAddress> {
    // NOTE: the trailing slash is part of the route clerk-js calls (fapi.md 2.5)
    const { response } = await this.ctx.request({
      path: '/me/email_addresses/',
      method: 'POST',
      body: { emailAddress: params.email },
      contract: 'emailAddress',
    })
    return new EmailAddress(response, this.ctx)
  }

  /** Adds an (unverified) phone number; verify it with `prepareVerification`/`attemptVerification`. */
  async createPhoneNumber(params: CreatePhoneNumberParams): Promise<PhoneNumber> {
    return createPhoneNumber(this.ctx, params)
  }

  /** Starts setting up an authenticator app: the answer holds the secret and its `otpauth://` URI. */
  async createTOTP(): Promise<TOTP> {
    return createTOTP(this.ctx)
  }

  /** Finishes setting up the authenticator app with a code it shows (backup codes come with it the first time). */
  async verifyTOTP(params: VerifyTOTPParams): Promise<TOTP> {
    return verifyTOTP(this.ctx, params)
  }

  /** Removes the authenticator app. */
  async disableTOTP(): Promise<DeletedObject> {
    return disableTOTP(this.ctx)
  }

  /** Replaces the backup codes with a new set, shown once. */
  async createBackupCode(): Promise<BackupCode> {
    return createBackupCode(this.ctx)
  }

  /** The user's active sessions on every device, with their latest activity. */
  async getSessions(): Promise<SessionWithActivities[]> {
    return fetchActiveSessions(this.ctx)
  }

  /** A page of the user's organization memberships (`user.organizationMemberships` holds them all, unpaged). */
  async getOrganizationMemberships(params?: GetUserOrganizationMembershipParams): Promise<ClerkPaginatedResponse<OrganizationMembership>> {
    return fetchUserMemberships(this.ctx, this.id, params)
  }

  /** A page of the invitations addressed to the user's verified emails. */
  async getOrganizationInvitations(params?: GetUserOrganizationInvitationsParams): Promise<ClerkPaginatedResponse<UserOrganizationInvitation>> {
    return fetchUserInvitations(this.ctx, params)
  }

  /** A page of the organizations the user may join through a verified email domain. */
  async getOrganizationSuggestions(params?: GetUserOrganizationSuggestionsParams): Promise<ClerkPaginatedResponse<OrganizationSuggestion>> {
    return fetchUserSuggestions(this.ctx, params)
  }

  /** Leaves an organization; an active one falls back to the personal account. */
  async leaveOrganization(organizationId: string): Promise<DeletedObject> {
    return leaveOrganization(this.ctx, organizationId)
  }

  /** Deletes the user (when the instance allows it); every session of the user ends. */
  async delete(): Promise<void> {
    await this.ctx.request({ path: '/me', method: 'DELETE', contract: 'deletedObject' })
  }

  /** Re-reads the user from the server. */
  async reload(): Promise<this> {
    const { response } = await this.ctx.request({ path: '/me', method: 'GET', contract: 'user', updateClient: true })
    return this.fromJSON(response)
  }

  /** True when `identification` is the user's primary email address or phone number. */
  isPrimaryIdentification(identification: EmailAddress | PhoneNumber): boolean {
    return identification.id === this.primaryEmailAddressId || identification.id === this.primaryPhoneNumberId
  }

  /** Replaces this object's fields from its wire form. */
  fromJSON(json: UserJSON): this {
    this.id = json.id
    this.externalId = json.external_id ?? null
    this.username = json.username
    this.firstName = json.first_name
    this.lastName = json.last_name
    this.fullName = [json.first_name, json.last_name].filter(Boolean).join(' ').trim() || null
    this.imageUrl = json.image_url
    this.hasImage = json.has_image
    this.primaryEmailAddressId = json.primary_email_address_id
    this.primaryPhoneNumberId = json.primary_phone_number_id
    this.primaryWeb3WalletId = json.primary_web3_wallet_id ?? null
    this.emailAddresses = json.email_addresses.map(email => new EmailAddress(email, this.ctx))
    this.phoneNumbers = json.phone_numbers.map(phone => new PhoneNumber(phone, this.ctx))
    this.primaryEmailAddress = this.emailAddresses.find(email => email.id === json.primary_email_address_id) ?? null
    this.primaryPhoneNumber = this.phoneNumbers.find(phone => phone.id === json.primary_phone_number_id) ?? null
    this.organizationMemberships = json.organization_memberships.map(membership => new OrganizationMembership(membership, this.ctx, json.id))
    this.passwordEnabled = json.password_enabled
    this.twoFactorEnabled = json.two_factor_enabled
    this.totpEnabled = json.totp_enabled
    this.backupCodeEnabled = json.backup_code_enabled
    this.publicMetadata = { ...json.public_metadata }
    this.unsafeMetadata = { ...json.unsafe_metadata }
    this.lastSignInAt = toDate(json.last_sign_in_at)
    this.legalAcceptedAt = toDate(json.legal_accepted_at)
    this.createOrganizationEnabled = json.create_organization_enabled ?? false
    this.createOrganizationsLimit = json.create_organizations_limit || null
    this.deleteSelfEnabled = json.delete_self_enabled ?? false
    this.createdAt = toDate(json.created_at)
    this.updatedAt = toDate(json.updated_at)
    return this
  }

  private async patch(path: string, body: Record<string, string | null | undefined>): Promise<this> {
    const { response } = await this.ctx.request({ path, method: 'PATCH', body, contract: 'user' })
    return this.fromJSON(response)
  }

  private async post(path: string, body: Record<string, string | boolean | undefined>): Promise<this> {
    const { response } = await this.ctx.request({ path, method: 'POST', body, contract: 'user' })
    return this.fromJSON(response)
  }
}
