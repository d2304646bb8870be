import type { ClerkContext } from '../keys'
import { hasInjectionContext, inject } from 'vue'
import { clerkContextKey } from '../keys'
import { porticoError } from '../utils/porticoError'

/**
 * The `clerkPlugin` context, for composables and stores; throws a message naming `caller` and the
 * fix when used outside `setup()` or in an app without the plugin.
 */
export function useClerkContext(caller: string): ClerkContext {
  if (!hasInjectionContext()) {
    // eslint-disable-next-line node/prefer-global/process
    throw porticoError(process.env.NODE_ENV !== 'production'
      ? `${caller}() can only be used inside setup(), a router guard or app.runWithContext(). `
      + `Outside components, read the stores through the app's Pinia instance: useSessionStore(pinia).`
      : 'outside-setup')
  }
  const ctx = inject(clerkContextKey, null)
  if (!ctx) {
    // eslint-disable-next-line node/prefer-global/process
    throw porticoError(process.env.NODE_ENV !== 'production'
      ? `${caller}() needs clerkPlugin. Install it before mounting: `
      + `app.use(clerkPlugin, { publishableKey: 'pk_test_…' }) (or { proxyUrl: 'https://…/__clerk' } for a Portico server).`
      : 'no-plugin')
  }
  return ctx
}
