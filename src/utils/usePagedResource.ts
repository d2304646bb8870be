import type { MaybeRefOrGetter } from 'vue'
import type { ClerkPaginatedResponse } from '../core'
import type { PageSetter, PaginatedHookConfig, PaginatedListParams, PaginatedResources } from './paginatedResources'
import { computed, reactive, shallowReadonly, shallowRef, toValue, watch } from 'vue'
import { nextPageNumber, pageCounters } from './pageMath'
import { tryOnScopeDispose } from './tryOnScopeDispose'

/** What one list is read from. */
export interface PagedResourceOptions<Source, Filters, T> {
  /** What the caller asked for; `undefined`/`false` leaves the list empty. A ref or getter is followed. */
  params: MaybeRefOrGetter<PaginatedListParams<Filters> | false | undefined>
  /** What the list belongs to (the active organization, the user); `null`/`undefined` leaves it empty. */
  source: () => Source | null | undefined
  /** Names the source: when it changes (another organization, another session) the list starts over. */
  key: (source: Source) => string
  /** Changes when the source's data may have changed (the piggybacked client said so): the list is revalidated. */
  version?: (source: Source) => string
  /** Reads one page. */
  fetch: (source: Source, params: Filters & { initialPage: number, pageSize: number }) => Promise<ClerkPaginatedResponse<T>>
}

const DEFAULTS: Required<PaginatedHookConfig> = { initialPage: 1, pageSize: 10, infinite: false, keepPreviousData: false }

interface Resolved<Filters> {
  config: Required<PaginatedHookConfig>
  filters: Filters
}

/**
 * The engine behind every paginated list of `useOrganization` and `useOrganizationList`, with Clerk
 * React's semantics: pages or infinite accumulation, `keepPreviousData`, start over when the source
 * or the params change, revalidate when the source's version changes. Only the newest request's
 * answer is ever applied: answers that arrive after a newer request started are dropped.
 */
export function usePagedResource<Source, Filters extends object, T>(options: PagedResourceOptions<Source, Filters, T>): PaginatedResources<T> {
  const resolved = computed(() => resolveParams<Filters>(toValue(options.params)))
  const source = computed(() => resolved.value ? options.source() ?? null : null)
  const key = computed(() => source.value === null ? null : `${options.key(source.value)}\u0000${JSON.stringify(resolved.value)}`)
  const version = computed(() => source.value !== null && options.version ? options.version(source.value) : '')

  const pages = shallowRef<ClerkPaginatedResponse<T>[]>([])
  const page = shallowRef(1)
  const isFetching = shallowRef(false)
  const error = shallowRef<Error | null>(null)
  let generation = 0

  const config = (): Required<PaginatedHookConfig> => resolved.value?.config ?? DEFAULTS
  const data = computed(() => config().infinite ? pages.value.flatMap(p => p.data) : pages.value[0]?.data ?? [])
  const count = computed(() => pages.value.at(-1)?.totalCount ?? 0)
  const counters = computed(() => pageCounters({ ...config(), page: page.value, count: count.value }))

  /** Fetches `numbers` (page numbers) and hands the answers to `apply`, unless a newer request started meanwhile. */
  async function run(numbers: number[], apply: (fetched: ClerkPaginatedResponse<T>[]) => ClerkPaginatedResponse<T>[]): Promise<void> {
    const current = source.value
    const params = resolved.value
    const mine = ++generation
    if (current === null || !params || numbers.length === 0) {
      isFetching.value = false
      return
    }
    isFetching.value = true
    try {
      const { pageSize } = params.config
      const fetched = await Promise.all(numbers.map(initialPage => options.fetch(current, { ...params.filters, initialPage, pageSize })))
      if (mine !== generation)
        return
      pages.value = apply(fetched)
      error.value = null
    }
    catch (cause) {
      if (mine === generation)
        error.value = cause instanceof Error ? cause : new Error(String(cause))
    }
    finally {
      if (mine === generation)
        isFetching.value = false
    }
  }

  /** The absolute page numbers of the first `size` pages of an infinite list. */
  function infinitePages(from: number, to: number): number[] {
    const { initialPage } = config()
    return Array.from({ length: Math.max(0, to - from) }, (_, index) => initialPage + from + index)
  }

  function fetchPage(setter: PageSetter): void {
    if (source.value === null)
      return
    const target = nextPageNumber(page.value, setter)
    if (config().infinite) {
      const loaded = pages.value.length
      page.value = target
      if (target <= loaded) {
        // shrinking needs no request; a request still in flight would grow it back, so drop it
        generation++
        isFetching.value = false
        pages.value = pages.value.slice(0, target)
        return
      }
      void run(infinitePages(loaded, target), fetched => [...pages.value.slice(0, loaded), ...fetched])
      return
    }
    if (target === page.value && pages.value.length > 0)
      return
    page.value = target
    if (!config().keepPreviousData)
      pages.value = []
    void run([target], fetched => fetched)
  }

  function revalidate(): Promise<void> {
    if (source.value === null)
      return Promise.resolve()
    const numbers = config().infinite ? infinitePages(0, page.value) : [page.value]
    return run(numbers, fetched => fetched)
  }

  function startOver(): void {
    generation++
    pages.value = []
    error.value = null
    isFetching.value = false
    page.value = config().infinite ? 1 : config().initialPage
    if (source.value !== null)
      void run(config().infinite ? infinitePages(0, 1) : [page.value], fetched => fetched)
  }

  // one watcher for both, so a new source whose version also differs is fetched once, not twice
  watch([key, version], ([nextKey, nextVersion], previous) => {
    const [previousKey, previousVersion] = previous ?? []
    if (nextKey !== previousKey || previous === undefined)
      startOver()
    else if (nextVersion !== previousVersion && nextKey !== null)
      void revalidate()
  }, { immediate: true })
  // answers that arrive after the component is gone have no one to tell
  tryOnScopeDispose(() => generation++)

  const list = reactive({
    data,
    count,
    error,
    isLoading: computed(() => isFetching.value && pages.value.length === 0),
    isFetching,
    isError: computed(() => error.value !== null),
    page,
    pageCount: computed(() => counters.value.pageCount),
    hasNextPage: computed(() => counters.value.hasNextPage),
    hasPreviousPage: computed(() => counters.value.hasPreviousPage),
    fetchPage,
    fetchNext: () => {
      if (counters.value.hasNextPage)
        fetchPage(current => current + 1)
    },
    fetchPrevious: () => {
      if (counters.value.hasPreviousPage)
        fetchPage(current => current - 1)
    },
    revalidate,
  })
  return shallowReadonly(list) as PaginatedResources<T>
}

function resolveParams<Filters>(params: PaginatedListParams<Filters> | false | undefined): Resolved<Filters> | null {
  if (!params)
    return null
  if (params === true)
    return { config: DEFAULTS, filters: {} as Filters }
  const { initialPage, pageSize, infinite, keepPreviousData, ...filters } = params
  return {
    config: {
      initialPage: Math.max(1, Math.floor(initialPage ?? DEFAULTS.initialPage)),
      pageSize: Math.max(1, Math.floor(pageSize ?? DEFAULTS.pageSize)),
      infinite: infinite ?? false,
      keepPreviousData: keepPreviousData ?? false,
    },
    filters: filters as Filters,
  }
}
