import type { OrganizationMembershipResource, OrganizationResource } from '../types'
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { useClerkContext } from '../composables/useClerkContext'
import { isSignedOutState } from '../utils/deriveAuthState'
import { followClerk } from './followClerk'
import { useUserStore } from './useUserStore'

/**
 * The active organization (an Organization resource): `undefined` while loading, `null` for the
 * personal account or when signed out. It keeps its identity across client payloads that leave the
 * organization and the user's membership unchanged, so its readers only re-render on a real change.
 */
export const useOrganizationStore = defineStore('portico/organization', () => {
  const ctx = useClerkContext('useOrganizationStore')
  const userStore = useUserStore()
  const initialState = ctx.options.initialState
  /** The organization snapshot; replaced (never mutated) on every change. */
  const organization = shallowRef<OrganizationResource | null | undefined>(
    isSignedOutState(initialState) || initialState?.orgId === null ? null : undefined,
  )
  const orgId = computed(() => organization.value === undefined ? undefined : organization.value?.id ?? null)
  /** The signed-in user's membership in the active organization (role, permissions). */
  const membership = computed<OrganizationMembershipResource | null | undefined>(() => {
    const org = organization.value
    if (!org)
      return org
    return userStore.user?.organizationMemberships.find(m => m.organization.id === org.id) ?? null
  })

  followClerk(ctx, () => {
    const next = ctx.clerk.value.organization ?? null
    if (organization.value !== next)
      organization.value = next
  })

  return { organization, orgId, membership }
})
