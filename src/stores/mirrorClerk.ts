import type { ShallowRef } from 'vue'
import type { Clerk } from '../types'
import type { useClientStore } from './useClientStore'
import type { useOrganizationStore } from './useOrganizationStore'
import type { useSessionStore } from './useSessionStore'
import type { useUserStore } from './useUserStore'
import { triggerRef } from 'vue'

/** The four `portico/*` stores one plugin instance keeps in sync. */
export interface PorticoStores {
  client: ReturnType<typeof useClientStore>
  session: ReturnType<typeof useSessionStore>
  user: ReturnType<typeof useUserStore>
  organization: ReturnType<typeof useOrganizationStore>
}

/**
 * Copies the Clerk object's state into the stores now and on every change it reports; returns the
 * unsubscribe. Only stores whose snapshot actually changed are patched, so a response that changed
 * nothing re-renders nothing.
 */
export function mirrorClerk(clerk: Clerk, stores: PorticoStores, clerkRef: ShallowRef<Clerk>): () => void {
  const sync = (): void => {
    // NOTE: before load the Clerk object knows nothing yet; keep the hydrated initial state
    if (!clerk.loaded)
      return
    let changed = false
    if (!stores.client.isLoaded || stores.client.client !== clerk.client) {
      stores.client.$patch((state) => {
        state.isLoaded = true
        state.client = clerk.client ?? null
      })
      changed = true
    }
    const session = clerk.session ?? null
    if (stores.session.session !== session) {
      stores.session.$patch((state) => {
        state.session = session
      })
      changed = true
    }
    const user = clerk.user ?? null
    if (stores.user.user !== user) {
      stores.user.$patch((state) => {
        state.user = user
      })
      changed = true
    }
    const organization = clerk.organization ?? null
    if (stores.organization.organization !== organization) {
      stores.organization.$patch((state) => {
        state.organization = organization
      })
      changed = true
    }
    // the Clerk object was mutated from outside Vue: readers of `useClerk().value.x` must re-run
    if (changed)
      triggerRef(clerkRef)
  }
  const off = clerk.addListener(sync)
  sync()
  return off
}
