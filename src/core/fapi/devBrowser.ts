/** Where the development-browser token is kept; defaults to memory. */
export interface DevBrowserStore {
  getToken: () => string | null | undefined
  setToken: (token: string | null) => void
}

/** The development-browser token lifecycle of one FAPI client (fapi.md 5.5). */
export interface DevBrowser {
  /** The current token, if any. */
  getToken: () => string | undefined
  /** Stores a token (e.g. one read from the `Clerk-Db-Jwt` header); `null` clears it. */
  setToken: (token: string | null) => void
  /** Returns the current token, creating one first if there is none. */
  ensure: () => Promise<string>
  /**
   * Drops `staleToken` and creates a new one (after `dev_browser_unauthenticated`). When another
   * request already replaced `staleToken`, the newer token is returned instead.
   */
  refresh: (staleToken?: string) => Promise<string>
}

/**
 * Creates the token holder; `create` performs `POST /v1/dev_browser`. Concurrent callers share one
 * creation, so a burst of first requests makes a single dev browser.
 */
export function createDevBrowser(create: () => Promise<string>, store: DevBrowserStore = createMemoryStore()): DevBrowser {
  let pending: Promise<string> | undefined

  function getToken(): string | undefined {
    return store.getToken() || undefined
  }

  function start(): Promise<string> {
    pending ??= create()
      .then((token) => {
        store.setToken(token)
        return token
      })
      .finally(() => {
        pending = undefined
      })
    return pending
  }

  return {
    getToken,
    setToken: token => store.setToken(token),
    ensure: () => {
      const token = getToken()
      return token ? Promise.resolve(token) : start()
    },
    refresh: (staleToken) => {
      const token = getToken()
      if (token && token !== staleToken)
        return Promise.resolve(token)
      store.setToken(null)
      return start()
    },
  }
}

function createMemoryStore(): DevBrowserStore {
  let token: string | null = null
  return {
    getToken: () => token,
    setToken: (value) => {
      token = value
    },
  }
}
