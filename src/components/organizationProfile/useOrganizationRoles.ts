import type { ShallowRef } from 'vue'
import type { Role } from '../../core/resources/Role'
import type { OrganizationResource } from '../../types'
import { shallowRef, watch } from 'vue'

/** The roles members can hold in `organization`, read once per organization when `enabled` (admins only). */
export function useOrganizationRoles(organization: () => OrganizationResource, enabled: () => boolean): ShallowRef<Role[]> {
  const roles = shallowRef<Role[]>([])
  watch(() => enabled() && organization().id, async (id) => {
    if (!id)
      return
    const { data } = await organization().getRoles({ pageSize: 100 })
    // a slow answer for an organization no longer shown is dropped
    if (organization().id === id)
      roles.value = data
  }, { immediate: true })
  return roles
}
