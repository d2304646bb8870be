import type { Ref } from 'vue'
import type { TicketLink } from '../../contract/ticketLink'
import { getCurrentInstance } from 'vue'
import { readTicketLink, TICKET_PARAM, TICKET_STATUS_PARAM } from '../../contract/ticketLink'

interface RouterLike {
  currentRoute: Ref<{ path: string, hash: string, query: Record<string, unknown> }>
  replace: (to: { path: string, query: Record<string, unknown>, hash: string }) => Promise<unknown>
}

/** The invitation ticket of the page and how to take it out of the address. */
export interface PageTicket {
  /** `__clerk_ticket` and `__clerk_status` as the page was opened with; null without a ticket or a window. */
  link: TicketLink | null
  /**
   * Takes `__clerk_ticket` and `__clerk_status` out of the address once the ticket was used, so that a
   * reload does not use it again: through the app's vue-router when its route carries them, else
   * with `history.replaceState` (keeping the history entry's state). Resolves once the address changed.
   */
  forget: () => Promise<void>
}

const TICKET_KEYS = [TICKET_PARAM, TICKET_STATUS_PARAM]

/**
 * Reads the invitation link the page was opened from (Clerk's `?__clerk_ticket=…&__clerk_status=…`):
 * from the URL's query, or from the app's router (a memory history has no URL). Call it in `setup`.
 */
export function usePageTicket(): PageTicket {
  const router = getCurrentInstance()?.appContext.config.globalProperties.$router as RouterLike | undefined
  const inBrowser = typeof window !== 'undefined'
  const routeQuery = (): Record<string, unknown> => router?.currentRoute.value.query ?? {}
  const fromRoute = (): TicketLink | null => {
    const query = routeQuery()
    const params = new URLSearchParams()
    for (const key of TICKET_KEYS) {
      if (typeof query[key] === 'string')
        params.set(key, query[key])
    }
    return readTicketLink(params.toString())
  }
  const link = (inBrowser ? readTicketLink(window.location.search) : null) ?? fromRoute()

  async function forget(): Promise<void> {
    if (!link)
      return
    const query = routeQuery()
    if (router && TICKET_KEYS.some(key => key in query)) {
      const { path, hash } = router.currentRoute.value
      await router.replace({ path, hash, query: Object.fromEntries(Object.entries(query).filter(([key]) => !TICKET_KEYS.includes(key))) })
    }
    // a hash-mode router keeps the query of the page outside its own route
    if (!inBrowser)
      return
    const url = new URL(window.location.href)
    if (!TICKET_KEYS.some(key => url.searchParams.has(key)))
      return
    for (const key of TICKET_KEYS)
      url.searchParams.delete(key)
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`)
  }

  return { link, forget }
}
