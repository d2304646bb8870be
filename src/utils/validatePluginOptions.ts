import type { ClerkPluginOptions } from '../plugin'
import * as z from 'zod/mini'
import { issueMessage, parsePublishableKey } from '../contract'
import { porticoError } from './porticoError'

// The option types are checked in development builds only: a wrong type shows up while the app is
// written, and production bundles leave zod out. Built on first use, so nothing of it runs (or
// stays in a production bundle) otherwise.
function optionsSchema() {
  const url = z.optional(z.string().check(z.minLength(1, 'must be a non-empty string')))
  const bag = z.record(z.string(), z.unknown())
  return z.looseObject({
    publishableKey: z.optional(z.string()),
    proxyUrl: url,
    clerk: z.optional(z.custom<object>(value => typeof value === 'object' && value !== null && 'addListener' in value, 'must be a Clerk instance')),
    fetch: z.optional(z.custom<typeof globalThis.fetch>(value => typeof value === 'function', 'must be a function')),
    signInUrl: url,
    signUpUrl: url,
    afterSignOutUrl: url,
    signInFallbackRedirectUrl: url,
    signUpFallbackRedirectUrl: url,
    signInForceRedirectUrl: url,
    signUpForceRedirectUrl: url,
    allowedRedirectOrigins: z.optional(z.array(z.custom<string | RegExp>(value => typeof value === 'string' || value instanceof RegExp, 'must be a string or a RegExp'))),
    appearance: z.optional(bag),
    localization: z.optional(bag),
    initialState: z.optional(bag),
  })
}

function checkOptionTypes(options: object): void {
  const parsed = optionsSchema().safeParse(options, { error: issueMessage })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw porticoError(`clerkPlugin option "${issue.path.join('.')}": ${issue.message}. Check the value you pass to app.use(clerkPlugin, { … }).`)
  }
}

/**
 * Checks `clerkPlugin`'s options once, at install time, and throws a `[portico]` message naming the
 * option and the fix; nothing is validated again later. Production builds keep the checks that
 * decide whether the plugin can run at all (an options object, a way to reach the Frontend API, a
 * well-formed key) and skip the type of each option.
 */
export function validatePluginOptions(options: unknown): ClerkPluginOptions {
  if (typeof options !== 'object' || options === null) {
    // eslint-disable-next-line node/prefer-global/process
    throw porticoError(process.env.NODE_ENV !== 'production'
      ? 'clerkPlugin needs options: app.use(clerkPlugin, { publishableKey: \'pk_test_…\' }) '
      + 'or, for a Portico server, app.use(clerkPlugin, { proxyUrl: \'https://your-app.example/__clerk\' }).'
      : 'no-plugin-options')
  }
  // written out in full (not through a constant) so that bundlers replace it and drop the branch
  // eslint-disable-next-line node/prefer-global/process
  if (process.env.NODE_ENV !== 'production')
    checkOptionTypes(options)
  const { publishableKey, proxyUrl, clerk } = options as ClerkPluginOptions
  if (!clerk && !publishableKey && !proxyUrl) {
    // eslint-disable-next-line node/prefer-global/process
    throw porticoError(process.env.NODE_ENV !== 'production'
      ? 'clerkPlugin needs a publishableKey, a proxyUrl or a clerk instance. '
      + 'Pass the publishable key of your Clerk instance (pk_test_… / pk_live_…), or proxyUrl alone for a Portico server.'
      : 'no-publishable-key')
  }
  if (typeof publishableKey === 'string') {
    try {
      parsePublishableKey(publishableKey)
    }
    catch (error) {
      const reason = (error as Error).message.replace(/^\[portico\] /, '')
      // eslint-disable-next-line node/prefer-global/process
      throw porticoError(process.env.NODE_ENV !== 'production'
        ? `clerkPlugin option "publishableKey" is malformed: ${reason}. `
        + 'Copy it again from the API keys page of your Clerk dashboard (it starts with pk_test_ or pk_live_), '
        + 'or pass proxyUrl alone to use a Portico server.'
        : 'invalid-publishable-key')
    }
  }
  return options as ClerkPluginOptions
}
