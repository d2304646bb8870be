import type { UserResource } from '../types'
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { useClerkContext } from '../composables/useClerkContext'
import { isSignedOutState } from '../utils/deriveAuthState'
import { followClerk } from './followClerk'

/** The signed-in user: `undefined` while loading, `null` when signed out. */
export const useUserStore = defineStore('portico/user', () => {
  const ctx = useClerkContext('useUserStore')
  /** The user snapshot; replaced (never mutated) on every change. */
  // a server that saw no session lets signed-out content render before the browser loads
  const user = shallowRef<UserResource | null | undefined>(isSignedOutState(ctx.options.initialState) ? null : undefined)
  const userId = computed(() => user.value === undefined ? undefined : user.value?.id ?? null)

  followClerk(ctx, () => {
    const next = ctx.clerk.value.user ?? null
    if (user.value !== next)
      user.value = next
  })

  return { user, userId }
})
