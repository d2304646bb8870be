import type { MaybeRefOrGetter } from 'vue'
import type { UseOrganizationListReturn } from '../../composables/useOrganizationList'
import { computed, toValue } from 'vue'
import { useClerk } from '../../composables/useClerk'
import { useOrganizationList } from '../../composables/useOrganizationList'

/**
 * The lists the switcher and `<OrganizationList>` show: the user's organizations (growing page by
 * page), pending invitations and, when verified domains are on, suggestions. Nothing is fetched
 * while `enabled` is false, so a closed switcher costs no request.
 */
export function useUserOrganizations(enabled: MaybeRefOrGetter<boolean> = true): UseOrganizationListReturn {
  const clerk = useClerk()
  const domainsOn = computed(() => clerk.value.environment?.organizationSettings.domains?.enabled === true)
  return useOrganizationList({
    userMemberships: () => toValue(enabled) && { infinite: true, pageSize: 10 },
    userInvitations: () => toValue(enabled) && { status: 'pending' },
    userSuggestions: () => toValue(enabled) && domainsOn.value && { status: ['pending', 'accepted'] },
  })
}
