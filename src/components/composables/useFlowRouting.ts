import type { Ref } from 'vue'
import { computed, getCurrentInstance, onBeforeUnmount, onMounted, shallowRef } from 'vue'

/** How a multi-step component keeps its step: in the URL path, in the URL hash, or in memory. */
export type RoutingStrategy = 'path' | 'hash' | 'virtual'

/** The routing props of `<SignIn>`/`<SignUp>`/`<UserProfile>` (Clerk's names). */
export interface RoutingProps {
  /**
   * `path`: steps are sub-paths of `path` (`/sign-in/factor-one`); `hash`: steps live in the URL hash
   * (`#/factor-one`); `virtual`: steps stay in memory (the URL never changes).
   * @default 'path' when `path` is set, else 'virtual'
   */
  routing?: RoutingStrategy
  /** The path the component is mounted at, e.g. `/sign-in` (needed for path routing). */
  path?: string
}

interface RouteLike {
  path: string
  hash: string
  query: Record<string, unknown>
}

interface RouterLike {
  currentRoute: Ref<RouteLike>
  push: (to: { path: string, query?: Record<string, unknown>, hash?: string }) => Promise<unknown>
  replace: (to: { path: string, query?: Record<string, unknown>, hash?: string }) => Promise<unknown>
}

/** The step of a flow and how to change it. */
export interface FlowRouting {
  /** The step the URL (or memory) names, '' for the first one. */
  step: Readonly<Ref<string>>
  /** Goes to `step` ('' for the first one), keeping the query (`redirect_url` & co.). */
  go: (step: string, options?: { replace?: boolean }) => void
}

const trimSlashes = (value: string): string => value.replace(/^\/+|\/+$/g, '')

/**
 * Tracks the step of a multi-step component. Uses the app's vue-router when it has one (the route
 * must match the sub-paths, e.g. `/sign-in/:rest(.*)*`), else the History API; renders the first
 * step on the server when no router says otherwise.
 */
export function useFlowRouting(props: () => RoutingProps): FlowRouting {
  const router = getCurrentInstance()?.appContext.config.globalProperties.$router as RouterLike | undefined
  const strategy = computed<RoutingStrategy>(() => props().routing ?? (props().path ? 'path' : 'virtual'))
  const memory = shallowRef('')
  const browser = shallowRef({ path: '', hash: '' })

  const readBrowser = (): void => {
    browser.value = { path: window.location.pathname, hash: window.location.hash }
  }
  if (!router && typeof window !== 'undefined') {
    readBrowser()
    onMounted(() => {
      window.addEventListener('popstate', readBrowser)
      window.addEventListener('hashchange', readBrowser)
    })
    onBeforeUnmount(() => {
      window.removeEventListener('popstate', readBrowser)
      window.removeEventListener('hashchange', readBrowser)
    })
  }
  const location = computed(() => (router ? router.currentRoute.value : browser.value))
  const base = computed(() => `/${trimSlashes(props().path ?? '')}`)

  const step = computed(() => {
    if (strategy.value === 'virtual')
      return memory.value
    if (strategy.value === 'hash')
      return trimSlashes(location.value.hash.replace(/^#/, ''))
    const current = location.value.path
    const prefix = base.value === '/' ? '/' : `${base.value}/`
    return current.startsWith(prefix) ? trimSlashes(current.slice(prefix.length)) : ''
  })

  const go = (next: string, options: { replace?: boolean } = {}): void => {
    if (strategy.value === 'virtual') {
      memory.value = next
      return
    }
    const route = location.value
    const target = strategy.value === 'hash'
      ? { path: route.path, hash: next ? `#/${next}` : '' }
      : { path: next ? `${base.value === '/' ? '' : base.value}/${next}` : base.value, hash: '' }
    if (router) {
      void router[options.replace ? 'replace' : 'push']({ ...target, query: router.currentRoute.value.query })
      return
    }
    if (typeof window === 'undefined')
      return
    const url = `${target.path}${window.location.search}${target.hash}`
    window.history[options.replace ? 'replaceState' : 'pushState'](window.history.state, '', url)
    readBrowser()
  }

  return { step, go }
}
