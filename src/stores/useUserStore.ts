import type { UserResource } from '../types'
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'

/** The signed-in user: `undefined` while loading, `null` when signed out. */
export const useUserStore = defineStore('portico/user', () => {
  /** The user snapshot; replaced (never mutated) on every change. */
  const user = shallowRef<UserResource | null | undefined>(undefined)
  const userId = computed(() => user.value === undefined ? undefined : user.value?.id ?? null)
  return { user, userId }
})
