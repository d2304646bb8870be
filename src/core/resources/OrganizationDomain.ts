import type * as z from 'zod/mini'
import type { OrganizationDomainJSON, organizationEnrollmentModeSchema } from '../../contract'
import type { ResourceContext } from './ResourceContext'
import { BaseResource } from './BaseResource'
import { Verification } from './Verification'

/** How people with an address on a verified domain join: by hand, invited automatically, or suggested. */
export type OrganizationEnrollmentMode = z.output<typeof organizationEnrollmentModeSchema>

/** Options of `OrganizationDomain.prepareAffiliationVerification`. */
export interface PrepareAffiliationVerificationParams {
  /** An address on this domain that receives the code. */
  affiliationEmailAddress: string
}

/** Options of `OrganizationDomain.attemptAffiliationVerification`. */
export interface AttemptAffiliationVerificationParams {
  code: string
}

/** Options of `OrganizationDomain.updateEnrollmentMode`. */
export interface UpdateEnrollmentModeParams {
  enrollmentMode: OrganizationEnrollmentMode
  /** Also withdraw the invitations or suggestions the previous mode created. @default false */
  deletePending?: boolean
}

/** An email domain of an organization (ClerkJS's `OrganizationDomain`), verified by a code sent to an address on it. */
export class OrganizationDomain extends BaseResource {
  id = ''
  organizationId = ''
  name = ''
  enrollmentMode: OrganizationEnrollmentMode = 'manual_invitation'
  affiliationEmailAddress: string | null = null
  /** The affiliation verification (the emailed code); `null` before it started. */
  verification: Verification | null = null
  affiliationVerification: Verification | null = null
  totalPendingInvitations = 0
  totalPendingSuggestions = 0
  createdAt = new Date(0)
  updatedAt = new Date(0)

  constructor(json: OrganizationDomainJSON, ctx: ResourceContext) {
    super(ctx)
    this.fromJSON(json)
  }

  /** Sends a code to an address on this domain (`org:sys_domains:manage`). */
  async prepareAffiliationVerification(params: PrepareAffiliationVerificationParams): Promise<this> {
    return this.post('prepare_affiliation_verification', { affiliationEmailAddress: params.affiliationEmailAddress })
  }

  /** Checks the code; the domain is verified when it matches. */
  async attemptAffiliationVerification(params: AttemptAffiliationVerificationParams): Promise<this> {
    return this.post('attempt_affiliation_verification', { code: params.code })
  }

  /** Changes how people on this domain join. */
  async updateEnrollmentMode(params: UpdateEnrollmentModeParams): Promise<this> {
    return this.post('update_enrollment_mode', { enrollmentMode: params.enrollmentMode, deletePending: params.deletePending })
  }

  /** Removes the domain from the organization. */
  async delete(): Promise<void> {
    await this.ctx.request({ path: this.path(), method: 'DELETE', contract: 'deletedObject' })
  }

  /** Replaces this object's fields from its wire form. */
  fromJSON(json: OrganizationDomainJSON): this {
    this.id = json.id
    this.organizationId = json.organization_id
    this.name = json.name
    this.enrollmentMode = json.enrollment_mode
    this.affiliationEmailAddress = json.affiliation_email_address ?? null
    // FAPI names the affiliation verification both ways; either one is the same check
    const affiliation = json.affiliation_verification ?? json.verification ?? null
    this.verification = affiliation ? new Verification(affiliation) : null
    this.affiliationVerification = this.verification
    this.totalPendingInvitations = json.total_pending_invitations ?? 0
    this.totalPendingSuggestions = json.total_pending_suggestions ?? 0
    this.createdAt = new Date(json.created_at)
    this.updatedAt = new Date(json.updated_at)
    return this
  }

  private path(suffix = ''): string {
    return `/organizations/${this.organizationId}/domains/${this.id}${suffix}`
  }

  private async post(action: string, body: Record<string, string | boolean | undefined>): Promise<this> {
    const { response } = await this.ctx.request({ path: this.path(`/${action}`), method: 'POST', body, contract: 'organizationDomain' })
    return this.fromJSON(response)
  }
}
