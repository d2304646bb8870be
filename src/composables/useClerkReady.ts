import type { Clerk } from '../types'
import { useClerkContext } from './useClerkContext'

/**
 * Resolves with the Clerk instance once it has loaded: `await useClerkReady()` in a router guard,
 * `setup()` or `app.runWithContext()`. Outside those, use `useClientStore(pinia).ready()`.
 *
 * @example
 * ```ts
 * router.beforeEach(async () => {
 *   const clerk = await useClerkReady()
 *   if (!clerk.isSignedIn)
 *     return '/sign-in'
 * })
 * ```
 */
export function useClerkReady(): Promise<Clerk> {
  return useClerkContext('useClerkReady').ready
}
