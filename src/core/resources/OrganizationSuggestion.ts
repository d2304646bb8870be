import type { OrganizationSuggestionJSON } from '../../contract'
import type { ClerkPaginatedResponse, ClerkPaginationParams } from './pagination'
import type { PublicOrganizationData } from './PublicOrganizationData'
import type { ResourceContext } from './ResourceContext'
import { BaseResource } from './BaseResource'
import { fetchPage } from './pagination'
import { toPublicOrganizationData } from './PublicOrganizationData'

/** The state of a suggestion. */
export type OrganizationSuggestionStatus = OrganizationSuggestionJSON['status']

/** Options of `User.getOrganizationSuggestions`. */
export interface GetUserOrganizationSuggestionsParams extends ClerkPaginationParams {
  /** Only suggestions in these states. */
  status?: OrganizationSuggestionStatus | OrganizationSuggestionStatus[]
}

/**
 * An organization the signed-in user may ask to join because their verified email is on one of its
 * domains (ClerkJS's `OrganizationSuggestion`).
 */
export class OrganizationSuggestion extends BaseResource {
  id = ''
  publicOrganizationData: PublicOrganizationData = { id: '', name: '', slug: null, imageUrl: '', hasImage: false }
  status: OrganizationSuggestionStatus = 'pending'
  createdAt = new Date(0)
  updatedAt = new Date(0)

  constructor(json: OrganizationSuggestionJSON, ctx: ResourceContext) {
    super(ctx)
    this.fromJSON(json)
  }

  /** Asks to join (or joins, depending on the domain's enrollment mode). */
  async accept(): Promise<this> {
    const { response } = await this.ctx.request({
      path: `/me/organization_suggestions/${this.id}/accept`,
      method: 'POST',
      contract: 'organizationSuggestion',
    })
    return this.fromJSON(response)
  }

  /** Replaces this object's fields from its wire form. */
  fromJSON(json: OrganizationSuggestionJSON): this {
    this.id = json.id
    this.publicOrganizationData = toPublicOrganizationData(json.public_organization_data)
    this.status = json.status
    this.createdAt = new Date(json.created_at)
    this.updatedAt = new Date(json.updated_at)
    return this
  }
}

/** Reads a page of the signed-in user's suggestions (`GET /me/organization_suggestions`). */
export function fetchUserSuggestions(ctx: ResourceContext, params: GetUserOrganizationSuggestionsParams = {}): Promise<ClerkPaginatedResponse<OrganizationSuggestion>> {
  const { status, ...page } = params
  return fetchPage(ctx, {
    path: '/me/organization_suggestions',
    params: page,
    filters: { status },
    item: 'organizationSuggestion',
    build: json => new OrganizationSuggestion(json, ctx),
  })
}
