import type { ClerkContext } from '../keys'
import { tryOnScopeDispose } from '../utils/tryOnScopeDispose'

/**
 * Runs `sync` now and whenever the Clerk object reports a change, until the calling store's scope
 * is disposed. `sync` only runs once Clerk has loaded: before that the stores keep their hydrated
 * (server-rendered) or loading state. Each store follows Clerk itself, so a store created in any
 * Pinia instance (even one installed after the plugin) stays in step.
 */
export function followClerk({ clerk }: ClerkContext, sync: () => void): void {
  const run = (): void => {
    if (clerk.value.loaded)
      sync()
  }
  const off = clerk.value.addListener(run, { skipInitialEmit: true })
  run()
  tryOnScopeDispose(off)
}
