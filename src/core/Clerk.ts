import type { ClientJSON } from '../contract'
import type { ClerkOptions } from './clerk/clerkOptions'
import type { SetActiveParams, SignOutOptions } from './clerk/clerkParams'
import type { ClientState } from './clerk/clientState'
import type { ClientStore, ListenerOptions, Resources } from './clerk/createClientStore'
import type { Navigate } from './clerk/createNavigator'
import type { TabSync } from './clerk/createTabSync'
import type { SessionTokenUpdate } from './clerk/followSessionTokens'
import type { CreateOrganizationParams } from './clerk/organizations'
import type { RedirectContext, RedirectOptions } from './clerk/redirectUrls'
import type { FapiClient } from './fapi'
import type { Client } from './resources/Client'
import type { Organization } from './resources/Organization'
import type { FapiRequest, ResourceContext } from './resources/ResourceContext'
import type { Session } from './resources/Session'
import type { User } from './resources/User'
import type { TokenCache } from './tokens'
import { parsePublishableKey } from '../contract'
import { createClientStore } from './clerk/createClientStore'
import { createNavigator } from './clerk/createNavigator'
import { createRedirectGuard } from './clerk/createRedirectGuard'
import { createSessionTokenFetcher } from './clerk/createSessionTokenFetcher'
import { createTabSync } from './clerk/createTabSync'
import { followOrganizationClaims } from './clerk/followOrganizationClaims'
import { createOrganization, fetchOrganization, resolveOrganizationId } from './clerk/organizations'
import { buildAuthPageUrl, pickAfterAuthUrl, pickAfterSignOutUrl } from './clerk/redirectUrls'
import { withUnauthenticatedHandling } from './clerk/withUnauthenticatedHandling'
import { createFapiClient } from './fapi'
import { Environment } from './resources/Environment'
import { createTokenCache } from './tokens'

/**
 * The framework-agnostic Clerk object (ClerkJS's `Clerk`): loads the environment and the client, keeps
 * `client`/`session`/`user`/`organization` in step with every Frontend API answer, and signs in and out.
 *
 * @example
 * const clerk = new Clerk(undefined, { proxyUrl: '/__clerk', routerPush: to => router.push(to) })
 * await clerk.load()
 * clerk.addListener(({ user }) => console.log(user?.fullName))
 * const signIn = await clerk.client!.signIn.create({ identifier, password })
 * if (signIn.status === 'complete')
 *   await clerk.setActive({ session: signIn.createdSessionId })
 */
export class Clerk {
  /** The key given to the constructor, if any. */
  readonly publishableKey: string | undefined
  /** The proxy the Frontend API is reached through, if any. */
  readonly proxyUrl: string | undefined
  /** Set once `load()` finished: from then on `client` is an object and listeners hear every change. */
  loaded = false
  /** The instance's configuration; undefined until loaded. */
  environment: Environment | undefined = undefined
  /** Resolves when `load()` first succeeds (it stays pending while loading fails). */
  readonly ready: Promise<void>

  private readonly fapi: FapiClient
  private readonly tokens: TokenCache
  private readonly store: ClientStore
  private readonly ctx: ResourceContext
  private readonly win: Window | undefined
  private readonly navigator: Navigate
  private readonly guard: (url: string) => boolean
  private readonly options: ClerkOptions
  private readonly request: FapiRequest
  private readonly tabSync: TabSync
  private readonly stopFollowingClaims: () => void
  private loading: Promise<void> | undefined
  private refetching: Promise<void> | undefined
  private markReady: () => void = () => {}
  private destroyed = false

  constructor(publishableKey?: string, options: ClerkOptions = {}) {
    if (!publishableKey && !options.proxyUrl)
      // eslint-disable-next-line node/prefer-global/process
      throw new Error(process.env.NODE_ENV !== 'production' ? '[portico] new Clerk() needs a publishable key (pk_test_… / pk_live_…) or a proxyUrl pointing at a Portico server.' : '[portico] no-publishable-key')
    // parse first so that a bad key fails here, with the contract's message saying what is wrong
    if (publishableKey)
      parsePublishableKey(publishableKey)
    this.publishableKey = publishableKey
    this.proxyUrl = options.proxyUrl
    this.options = options
    this.win = options.window === null ? undefined : (options.window ?? (typeof window === 'undefined' ? undefined : window))
    this.ready = new Promise((resolve) => {
      this.markReady = resolve
    })
    this.fapi = createFapiClient({
      publishableKey,
      proxyUrl: options.proxyUrl,
      domain: options.domain,
      fetch: options.fetch,
      baseOrigin: this.currentUrl()?.origin,
      devBrowser: options.devBrowser,
      devBrowserStore: options.devBrowserStore,
      getSessionId: () => this.session?.id,
      // clerk-js ignores an explicit `client: null`; endpoints that really drop the client say so in `response`
      onClient: json => json && this.store.apply(json),
    })
    this.request = withUnauthenticatedHandling(this.fapi.request, () => this.handleUnauthenticated())
    // removed from the active organization elsewhere: the token endpoint refuses, the client follows
    this.tokens = createTokenCache({ ...options.tokenCache, fetchToken: createSessionTokenFetcher(this.request, () => void this.tabSync.resync()) })
    this.ctx = {
      request: this.request,
      getToken: ({ sessionId, template, organizationId, skipCache }) => this.tokens.getToken({ sessionId, template, organizationId, skipCache }),
      clearTokens: sessionId => this.tokens.clear(sessionId),
      applyClient: json => this.store.apply(json),
    }
    this.store = createClientStore(this.ctx, this.tokens)
    this.tabSync = createTabSync(this.store, () => this.fetchClient(), options.tabSync ?? {}, this.win)
    // a role changed elsewhere: the next session token says so, the client follows
    this.stopFollowingClaims = followOrganizationClaims(this.tokens, () => this.store.live ? this.store.latest : undefined, this.tabSync.resync)
    this.navigator = createNavigator({ routerPush: options.routerPush, routerReplace: options.routerReplace, window: this.win })
    this.guard = createRedirectGuard(options.allowedRedirectOrigins ?? [], () => this.currentUrl()?.origin)
  }

  /** The browser's client: its sessions and in-flight sign-in/sign-up; undefined until loaded. */
  get client(): Client | undefined {
    return this.store.state?.client
  }

  /**
   * This tab's current session, `null` when signed out, undefined until loaded. It stays this tab's
   * until `setActive` picks another or it ends; then the client's `last_active_session_id` decides.
   */
  get session(): Session | null | undefined {
    return this.store.state?.session
  }

  /** The current session's user. */
  get user(): User | null | undefined {
    return this.store.state?.user
  }

  /** The active organization (the user's membership's organization); `null` for the personal account. */
  get organization(): Organization | null | undefined {
    return this.store.state?.organization
  }

  /** True when the current session is active (a `pending` session with tasks left is not signed in). */
  get isSignedIn(): boolean {
    return this.session?.status === 'active'
  }

  /** The versioned Frontend API base URL in use, e.g. `http://localhost/__clerk/v1`. */
  get frontendApiUrl(): string {
    return this.fapi.baseUrl
  }

  /**
   * Fetches the environment and the client in parallel, makes sure a signed-in session has a token,
   * then sets `loaded` and tells listeners once: nothing renders signed-out first. Safe to call twice.
   */
  load(): Promise<void> {
    this.loading ??= this.loadOnce().catch((error: unknown) => {
      this.loading = undefined
      throw error
    })
    return this.loading
  }

  /** Registers a listener for state changes; returns its unsubscribe. Called at once when already loaded. */
  addListener(listener: (resources: Resources) => void, options?: ListenerOptions): () => void {
    return this.store.subscribe(listener, options)
  }

  /**
   * Registers a listener for fresh session tokens of this client's sessions (background refreshes,
   * `getToken()`, other tabs, client payloads): `session.lastActiveToken` (and so its claims) has
   * changed, though the session object has not and `addListener` callbacks are not called for it.
   * Returns its unsubscribe.
   */
  addTokenListener(listener: (update: SessionTokenUpdate) => void): () => void {
    return this.store.onToken(listener)
  }

  /**
   * Makes a session (and optionally an organization) current: touches it on the server, makes sure
   * it has a token, runs `beforeEmit`/navigates, then tells listeners once.
   */
  async setActive(params: SetActiveParams): Promise<void> {
    const { organization, beforeEmit, redirectUrl } = params
    const target = this.resolveSession(params.session)
    await this.store.hold(async () => {
      let next: Session | null = null
      if (target) {
        const organizationId = organization === undefined ? target.lastActiveOrganizationId : resolveOrganizationId(organization, target.user)
        await target.touch({ organizationId, intent: params.session === undefined ? 'select_org' : 'select_session' })
        // only setActive moves this tab to another session: client payloads keep the tab's own
        this.store.select(target.id)
        next = this.store.latest?.session ?? null
        await this.ensureToken(next)
      }
      else {
        // clerk-js: `session: null` ends the current session (the client may then fall back to another one)
        await this.session?.remove()
        next = this.store.latest?.session ?? null
      }
      if (beforeEmit)
        await beforeEmit(next)
      else if (redirectUrl)
        await this.navigate(this.guard(redirectUrl) ? redirectUrl : '/')
    })
  }

  /** Creates an organization with the signed-in user as its admin; `setActive({ organization })` switches to it. */
  async createOrganization(params: CreateOrganizationParams): Promise<Organization> {
    return createOrganization(this.ctx, params)
  }

  /** Reads one of the signed-in user's organizations by id. */
  async getOrganization(organizationId: string): Promise<Organization> {
    return fetchOrganization(this.ctx, organizationId)
  }

  /** Signs out every session (`DELETE /client/sessions`), or one with `sessionId`, then navigates. */
  async signOut(options: SignOutOptions = {}): Promise<void> {
    const client = this.client
    if (!client)
      return
    const { sessionId, redirectUrl } = options
    const signedIn = client.signedInSessions
    const target = sessionId ? client.sessions.find(session => session.id === sessionId) : undefined
    if (sessionId && signedIn.length > 1) {
      if (!target)
        return
      const wasCurrent = target.id === this.session?.id
      await this.store.hold(async () => {
        await target.remove()
        if (redirectUrl || wasCurrent)
          await this.navigate(this.safe(redirectUrl) ?? this.buildAfterSignOutUrl())
      })
      return
    }
    await this.store.hold(async () => {
      await client.removeSessions()
      await this.navigate(this.safe(redirectUrl) ?? this.buildAfterSignOutUrl())
    })
  }

  /**
   * Re-reads the client after the Frontend API answered 401: the session may have ended elsewhere.
   * Leaves the state signed out when no session survived; concurrent calls share one request.
   */
  handleUnauthenticated(): Promise<void> {
    if (this.destroyed)
      return Promise.resolve()
    this.refetching ??= this.fetchClient()
      .then(json => this.store.apply(json))
      .finally(() => {
        this.refetching = undefined
      })
    return this.refetching
  }

  /** Navigates: in-app through `routerPush`/`routerReplace` when given, else through `window.location`. */
  navigate(to: string, options?: { replace?: boolean }): Promise<unknown> {
    return this.navigator(to, options)
  }

  /** True when `url` may be redirected to: a relative path, the app's origin or an allowed origin, nothing doubtful. */
  isAllowedRedirectUrl(url: string): boolean {
    return this.guard(url)
  }

  /** The sign-in page URL, carrying (allowed) redirect targets; `redirect_url` defaults to the current page. */
  buildSignInUrl(options?: RedirectOptions): string {
    return buildAuthPageUrl('signIn', this.redirectContext(), options)
  }

  /** The sign-up page URL, carrying (allowed) redirect targets. */
  buildSignUpUrl(options?: RedirectOptions): string {
    return buildAuthPageUrl('signUp', this.redirectContext(), options)
  }

  /** Where to go after signing in: force URL, then the page's `redirect_url`, then the fallback, then '/'. */
  buildAfterSignInUrl({ params }: { params?: URLSearchParams } = {}): string {
    return pickAfterAuthUrl('signIn', this.redirectContext(), params)
  }

  /** Where to go after signing up. */
  buildAfterSignUpUrl({ params }: { params?: URLSearchParams } = {}): string {
    return pickAfterAuthUrl('signUp', this.redirectContext(), params)
  }

  /** Where to go after signing out. */
  buildAfterSignOutUrl(): string {
    return pickAfterSignOutUrl(this.redirectContext())
  }

  /** Navigates to the sign-in page (see `buildSignInUrl`). */
  redirectToSignIn(options?: RedirectOptions): Promise<unknown> {
    return this.navigate(this.buildSignInUrl(options))
  }

  /** Navigates to the sign-up page (see `buildSignUpUrl`). */
  redirectToSignUp(options?: RedirectOptions): Promise<unknown> {
    return this.navigate(this.buildSignUpUrl(options))
  }

  /** Navigates to `buildAfterSignInUrl()`. */
  redirectToAfterSignIn(): Promise<unknown> {
    return this.navigate(this.buildAfterSignInUrl(), { replace: true })
  }

  /** Navigates to `buildAfterSignUpUrl()`. */
  redirectToAfterSignUp(): Promise<unknown> {
    return this.navigate(this.buildAfterSignUpUrl(), { replace: true })
  }

  /** Stops timers, listeners and the cross-tab channel; the instance is unusable afterwards. */
  destroy(): void {
    this.destroyed = true
    this.tabSync.stop()
    this.stopFollowingClaims()
    this.store.destroy()
    this.tokens.destroy()
  }

  private async loadOnce(): Promise<void> {
    // development instances "touch" the environment on load (fapi.md 5.5)
    const environmentMethod = this.fapi.instanceType === 'development' ? 'PATCH' : 'GET'
    const [environment, client] = await Promise.all([
      this.fapi.request({ path: '/environment', method: environmentMethod, contract: 'environment', updateClient: false }),
      this.fapi.request({ path: '/client', contract: 'client?', updateClient: false }),
    ])
    this.environment = new Environment(environment.response)
    this.store.apply(client.response)
    await this.ensureToken(this.session ?? null)
    if (this.destroyed)
      return
    this.loaded = true
    this.store.goLive()
    this.markReady()
  }

  // GET /client outside the piggyback path: the caller decides how the answer is applied
  private async fetchClient(): Promise<ClientJSON | null> {
    return (await this.fapi.request({ path: '/client', contract: 'client?', updateClient: false })).response
  }

  private async ensureToken(session: Session | null): Promise<void> {
    if (!session || (session.status !== 'active' && session.status !== 'pending'))
      return
    if (this.tokens.peek({ sessionId: session.id, organizationId: session.lastActiveOrganizationId }))
      return
    // NOTE: a failure here must not block loading: offline keeps the signed-in state, a 401 already re-read the client
    await session.getToken().catch(() => {})
  }

  private resolveSession(session: SetActiveParams['session']): Session | null {
    if (session === null)
      return null
    if (session === undefined) {
      if (!this.session)
        // eslint-disable-next-line node/prefer-global/process
        throw new Error(process.env.NODE_ENV !== 'production' ? '[portico] setActive({ organization }) needs a current session: pass { session } too.' : '[portico] set-active-no-session')
      return this.session
    }
    const id = typeof session === 'string' ? session : session.id
    const found = this.store.latest?.client.sessions.find(candidate => candidate.id === id)
    if (!found)
      // eslint-disable-next-line node/prefer-global/process
      throw new Error(process.env.NODE_ENV !== 'production' ? `[portico] setActive: session ${id} is not part of this client. Pass a session from clerk.client.sessions or signIn.createdSessionId.` : '[portico] set-active-unknown-session')
    return found
  }

  private safe(url: string | undefined): string | undefined {
    return url && this.guard(url) ? url : undefined
  }

  private currentUrl(): URL | undefined {
    const href = this.win?.location.href
    if (!href || !/^https?:/.test(href))
      return undefined
    return new URL(href)
  }

  private redirectContext(): RedirectContext {
    const display = this.environment?.displayConfig
    return {
      options: this.options,
      displayConfig: display && { signInUrl: display.signInUrl, signUpUrl: display.signUpUrl },
      currentUrl: this.currentUrl(),
      isAllowed: this.guard,
    }
  }
}

export type { ClerkOptions, ClientJSON, ClientState, CreateOrganizationParams, ListenerOptions, Resources, SessionTokenUpdate, SetActiveParams, SignOutOptions }
