import type { Clerk, ClientResource } from '../types'
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { useClerkContext } from '../composables/useClerkContext'
import { followClerk } from './followClerk'

/**
 * The device's client as the Clerk object last reported it: `undefined` until loaded, then the
 * client (its sessions, the in-progress sign-in and sign-up). Usable outside components with the
 * app's Pinia instance, e.g. `await useClientStore(pinia).ready()` in a fetch interceptor.
 */
export const useClientStore = defineStore('portico/client', () => {
  const ctx = useClerkContext('useClientStore')
  /** The client snapshot; replaced (never mutated) on every change. */
  const client = shallowRef<ClientResource | null | undefined>(undefined)
  /** True once `clerk.load()` has finished. */
  const isLoaded = shallowRef(false)
  /** Why `clerk.load()` failed, if it did. */
  const loadError = shallowRef<unknown>(null)

  const sessions = computed(() => client.value?.sessions)
  const signIn = computed(() => client.value?.signIn)
  const signUp = computed(() => client.value?.signUp)

  /** Resolves with the Clerk instance once it has loaded. */
  function ready(): Promise<Clerk> {
    return ctx.ready
  }

  followClerk(ctx, () => {
    const next = ctx.clerk.value.client ?? null
    isLoaded.value = true
    if (client.value !== next)
      client.value = next
  })

  return { client, isLoaded, loadError, sessions, signIn, signUp, ready }
})
