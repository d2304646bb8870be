import type { OrganizationResource } from '../types'
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'

/**
 * The active organization: `undefined` while loading, `null` for the personal account or when
 * signed out. Filled by the organizations work; `useOrganization` reads it.
 */
export const useOrganizationStore = defineStore('portico/organization', () => {
  /** The organization snapshot; replaced (never mutated) on every change. */
  const organization = shallowRef<OrganizationResource | null | undefined>(undefined)
  const orgId = computed(() => organization.value === undefined ? undefined : organization.value?.id ?? null)
  return { organization, orgId }
})
