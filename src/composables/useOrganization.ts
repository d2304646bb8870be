import type { MaybeRefOrGetter } from 'vue'
import type { GetDomainsParams, GetInvitationsParams, GetMembershipRequestParams, GetMembersParams } from '../core'
import type {
  OrganizationDomainResource,
  OrganizationInvitationResource,
  OrganizationMembershipRequestResource,
  OrganizationMembershipResource,
  OrganizationResource,
} from '../types'
import type { PaginatedListParams, PaginatedResources } from '../utils/paginatedResources'
import type { ToComputedRefs } from '../utils/toComputedRefs'
import { computed } from 'vue'
import { useOrganizationStore } from '../stores/useOrganizationStore'
import { useSessionStore } from '../stores/useSessionStore'
import { toComputedRefs } from '../utils/toComputedRefs'
import { usePagedResource } from '../utils/usePagedResource'
import { useClerkContext } from './useClerkContext'

type Filters<P> = Omit<P, 'initialPage' | 'pageSize'>
/** One list option: `true`, paging options and filters, or a ref/getter of them (followed: a change starts over). */
type ListOption<P> = MaybeRefOrGetter<PaginatedListParams<Filters<P>> | false | undefined>

/** Which lists of the active organization `useOrganization` fetches; none unless asked. */
export interface UseOrganizationParams {
  /** Members (`role`, `query` filters); needs `org:sys_memberships:read`. */
  memberships?: ListOption<GetMembersParams>
  /** Invitations (`status` filter); needs `org:sys_memberships:read`. */
  invitations?: ListOption<GetInvitationsParams>
  /** Requests to join (`status` filter); needs `org:sys_memberships:read`. */
  membershipRequests?: ListOption<GetMembershipRequestParams>
  /** Email domains (`enrollmentMode` filter); needs `org:sys_domains:read`. */
  domains?: ListOption<GetDomainsParams>
}

/** Every state of `useOrganization()`'s scalar fields: loading, no active organization, an organization. */
export type OrganizationState
  = | { isLoaded: false, organization: undefined, membership: undefined }
    | { isLoaded: true, organization: null, membership: null }
    | { isLoaded: true, organization: OrganizationResource, membership: OrganizationMembershipResource | null }

/** What `useOrganization()` returns: computed refs for the organization, reactive objects for its lists. */
export type UseOrganizationReturn = ToComputedRefs<OrganizationState> & {
  memberships: PaginatedResources<OrganizationMembershipResource>
  invitations: PaginatedResources<OrganizationInvitationResource>
  membershipRequests: PaginatedResources<OrganizationMembershipRequestResource>
  domains: PaginatedResources<OrganizationDomainResource>
}

/**
 * The active organization, the user's membership in it, and (when asked) its paginated lists with
 * Clerk React's semantics. The lists start over when another organization becomes active, and
 * revalidate when the piggybacked client shows the organization changed.
 *
 * @example
 * ```vue
 * <script setup lang="ts">
 * import { useOrganization } from 'portico'
 *
 * const { organization, memberships } = useOrganization({ memberships: { pageSize: 20, infinite: true } })
 * </script>
 *
 * <template>
 *   <h2>{{ organization?.name }}</h2>
 *   <p v-for="m in memberships.data" :key="m.id">{{ m.publicUserData?.identifier }} ({{ m.role }})</p>
 *   <button :disabled="!memberships.hasNextPage" @click="memberships.fetchNext">Load more</button>
 * </template>
 * ```
 */
export function useOrganization(params: UseOrganizationParams = {}): UseOrganizationReturn {
  const { pinia } = useClerkContext('useOrganization')
  const store = useOrganizationStore(pinia)
  const sessionStore = useSessionStore(pinia)
  const state = computed((): OrganizationState => {
    const organization = store.organization
    if (organization === undefined)
      return { isLoaded: false, organization: undefined, membership: undefined }
    if (organization === null)
      return { isLoaded: true, organization: null, membership: null }
    return { isLoaded: true, organization, membership: store.membership ?? null }
  })

  // a list belongs to one organization as seen by one session: either changing starts it over
  const source = () => store.organization
  const key = (org: OrganizationResource) => `${sessionStore.sessionId}\u0000${org.id}`
  // counts and the user's own role travel in every piggybacked client: when they move, the lists may have
  const version = (org: OrganizationResource) => `${org.updatedAt.getTime()}:${org.membersCount}:${org.pendingInvitationsCount}:${store.membership?.role}`

  return {
    ...toComputedRefs(state),
    memberships: usePagedResource({ params: params.memberships, source, key, version, fetch: (org, page) => org.getMemberships(page) }),
    invitations: usePagedResource({ params: params.invitations, source, key, version, fetch: (org, page) => org.getInvitations(page) }),
    membershipRequests: usePagedResource({ params: params.membershipRequests, source, key, version, fetch: (org, page) => org.getMembershipRequests(page) }),
    domains: usePagedResource({ params: params.domains, source, key, version, fetch: (org, page) => org.getDomains(page) }),
  }
}
