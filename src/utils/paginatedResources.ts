// The shape of the paginated lists `useOrganization` and `useOrganizationList` return (Clerk React's
// `PaginatedResources`), and how callers ask for them.

/** Paging options every list accepts (Clerk React's `PaginatedHookConfig`). */
export interface PaginatedHookConfig {
  /** The first page to read; the pages before it are skipped. @default 1 */
  initialPage?: number
  /** Items per page. @default 10 */
  pageSize?: number
  /** Append each fetched page to `data` (infinite scroll) instead of replacing it. @default false */
  infinite?: boolean
  /** Keep showing the current page while another one loads. @default false */
  keepPreviousData?: boolean
}

/** How a list is asked for: `true` for the defaults, or paging options plus the list's own filters. */
export type PaginatedListParams<Filters = object> = true | (PaginatedHookConfig & Filters)

/** `fetchPage`'s argument: a page number, or a function of the current one. */
export type PageSetter = number | ((page: number) => number)

/**
 * One paginated list, as a reactive object: read `memberships.data` in templates and computeds
 * (it is reactive; don't destructure it, or use `toRefs`). A list that was not asked for, or that
 * has nothing to list (no active organization, signed out), stays empty and its fetchers do nothing.
 */
export interface PaginatedResources<T> {
  /** The current page's items; every loaded page's items, in order, with `infinite`. */
  readonly data: T[]
  /** How many items the server holds in total. */
  readonly count: number
  /** Why the last request failed; cleared by the next one. */
  readonly error: Error | null
  /** A request is in flight and nothing is shown yet. */
  readonly isLoading: boolean
  /** A request is in flight (first load, page change or revalidation). */
  readonly isFetching: boolean
  /** The last request failed. */
  readonly isError: boolean
  /** The current page; with `infinite`, how many pages are loaded. */
  readonly page: number
  /** How many pages there are; with `infinite`, counted from `initialPage`. */
  readonly pageCount: number
  readonly hasNextPage: boolean
  readonly hasPreviousPage: boolean
  /** Loads a page (with `infinite`: grows or shrinks the loaded pages to that many). */
  readonly fetchPage: (page: PageSetter) => void
  /** Loads the next page when there is one (with `infinite`: appends it). */
  readonly fetchNext: () => void
  /** Goes back a page (with `infinite`: drops the last loaded page). */
  readonly fetchPrevious: () => void
  /** Fetches what is shown again, keeping it visible meanwhile. */
  readonly revalidate: () => Promise<void>
}
