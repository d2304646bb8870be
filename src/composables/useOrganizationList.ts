import type { MaybeRefOrGetter } from 'vue'
import type {
  CreateOrganizationParams,
  GetUserOrganizationInvitationsParams,
  GetUserOrganizationMembershipParams,
  GetUserOrganizationSuggestionsParams,
} from '../core'
import type {
  OrganizationMembershipResource,
  OrganizationResource,
  OrganizationSuggestionResource,
  UserOrganizationInvitationResource,
  UserResource,
} from '../types'
import type { PaginatedListParams, PaginatedResources } from '../utils/paginatedResources'
import type { ToComputedRefs } from '../utils/toComputedRefs'
import type { SetActive } from './useSessionList'
import { computed } from 'vue'
import { useClientStore } from '../stores/useClientStore'
import { useSessionStore } from '../stores/useSessionStore'
import { useUserStore } from '../stores/useUserStore'
import { toComputedRefs } from '../utils/toComputedRefs'
import { usePagedResource } from '../utils/usePagedResource'
import { useClerkContext } from './useClerkContext'

type Filters<P> = Omit<P, 'initialPage' | 'pageSize'>
type ListOption<P> = MaybeRefOrGetter<PaginatedListParams<Filters<P>> | false | undefined>

/** Which of the signed-in user's lists `useOrganizationList` fetches; none unless asked. */
export interface UseOrganizationListParams {
  /** The organizations the user belongs to. */
  userMemberships?: ListOption<GetUserOrganizationMembershipParams>
  /** Invitations addressed to the user (`status` filter). */
  userInvitations?: ListOption<GetUserOrganizationInvitationsParams>
  /** Organizations the user may join through a verified email domain (`status` filter). */
  userSuggestions?: ListOption<GetUserOrganizationSuggestionsParams>
}

/** `createOrganization()`: creates an organization with the signed-in user as its admin. */
export type CreateOrganization = (params: CreateOrganizationParams) => Promise<OrganizationResource>

/** Every state of `useOrganizationList()`'s scalar fields. */
export type OrganizationListState
  = | { isLoaded: false, createOrganization: undefined, setActive: undefined }
    | { isLoaded: true, createOrganization: CreateOrganization, setActive: SetActive }

/** What `useOrganizationList()` returns: computed refs for the actions, reactive objects for the lists. */
export type UseOrganizationListReturn = ToComputedRefs<OrganizationListState> & {
  userMemberships: PaginatedResources<OrganizationMembershipResource>
  userInvitations: PaginatedResources<UserOrganizationInvitationResource>
  userSuggestions: PaginatedResources<OrganizationSuggestionResource>
}

/**
 * The signed-in user's organizations, invitations and suggestions (paginated, Clerk React's
 * semantics), plus `createOrganization` and `setActive` to switch. The lists revalidate on their own
 * when the user's memberships change (creating, joining, leaving); `@clerk/vue` has no such composable.
 *
 * @example
 * ```vue
 * <script setup lang="ts">
 * import { useOrganizationList } from 'portico'
 *
 * const { setActive, userMemberships, userInvitations } = useOrganizationList({ userMemberships: true, userInvitations: { status: 'pending' } })
 * </script>
 *
 * <template>
 *   <button v-for="m in userMemberships.data" :key="m.id" @click="setActive?.({ organization: m.organization.id })">{{ m.organization.name }}</button>
 *   <button v-for="i in userInvitations.data" :key="i.id" @click="i.accept()">Join {{ i.publicOrganizationData.name }}</button>
 * </template>
 * ```
 */
export function useOrganizationList(params: UseOrganizationListParams = {}): UseOrganizationListReturn {
  const { pinia, clerk } = useClerkContext('useOrganizationList')
  const clientStore = useClientStore(pinia)
  const userStore = useUserStore(pinia)
  const sessionStore = useSessionStore(pinia)
  const createOrganization: CreateOrganization = options => clerk.value.createOrganization(options)
  const setActive: SetActive = options => clerk.value.setActive(options)
  const state = computed((): OrganizationListState => clientStore.isLoaded
    ? { isLoaded: true, createOrganization, setActive }
    : { isLoaded: false, createOrganization: undefined, setActive: undefined })

  const source = () => userStore.user
  const key = (user: UserResource) => `${sessionStore.sessionId}\u0000${user.id}`
  // every piggybacked client carries the user's memberships: joining, leaving or a role change shows there
  const version = (user: UserResource) => user.organizationMemberships.map(m => `${m.id}:${m.role}`).join()

  return {
    ...toComputedRefs(state),
    userMemberships: usePagedResource({ params: params.userMemberships, source, key, version, fetch: (user, page) => user.getOrganizationMemberships(page) }),
    userInvitations: usePagedResource({ params: params.userInvitations, source, key, version, fetch: (user, page) => user.getOrganizationInvitations(page) }),
    userSuggestions: usePagedResource({ params: params.userSuggestions, source, key, version, fetch: (user, page) => user.getOrganizationSuggestions(page) }),
  }
}
