import type { OrganizationResource } from '../types'
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { useClerkContext } from '../composables/useClerkContext'
import { isSignedOutState } from '../utils/deriveAuthState'
import { followClerk } from './followClerk'

/**
 * The active organization: `undefined` while loading, `null` for the personal account or when
 * signed out. Filled by the organizations work; `useOrganization` reads it.
 */
export const useOrganizationStore = defineStore('portico/organization', () => {
  const ctx = useClerkContext('useOrganizationStore')
  const initialState = ctx.options.initialState
  /** The organization snapshot; replaced (never mutated) on every change. */
  const organization = shallowRef<OrganizationResource | null | undefined>(
    isSignedOutState(initialState) || initialState?.orgId === null ? null : undefined,
  )
  const orgId = computed(() => organization.value === undefined ? undefined : organization.value?.id ?? null)

  followClerk(ctx, () => {
    const next = ctx.clerk.value.organization ?? null
    if (organization.value !== next)
      organization.value = next
  })

  return { organization, orgId }
})
