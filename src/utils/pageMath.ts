/** What the page counters of a paginated list are derived from. */
export interface PageState {
  /** The current page, or with `infinite` how many pages are loaded. */
  page: number
  initialPage: number
  pageSize: number
  count: number
  infinite: boolean
}

/** The derived counters of a paginated list. */
export interface PageCounters {
  pageCount: number
  hasNextPage: boolean
  hasPreviousPage: boolean
}

/**
 * Clerk React's page counters. With pages, `page` is absolute and `pageCount` the last page number;
 * with `infinite`, `page` counts loaded pages and `pageCount` the pages from `initialPage` on. For
 * `initialPage: 1` both give Clerk's numbers; either way "next" exists exactly when `page < pageCount`.
 */
export function pageCounters({ page, initialPage, pageSize, count, infinite }: PageState): PageCounters {
  const skipped = infinite ? (initialPage - 1) * pageSize : 0
  const pageCount = Math.max(0, Math.ceil((count - skipped) / pageSize))
  return {
    pageCount,
    hasNextPage: page < pageCount,
    hasPreviousPage: page > 1,
  }
}

/** Resolves a `fetchPage` argument against the current page; pages count from 1. */
export function nextPageNumber(current: number, setter: number | ((page: number) => number)): number {
  const wanted = typeof setter === 'function' ? setter(current) : setter
  return Number.isFinite(wanted) ? Math.max(1, Math.floor(wanted)) : current
}
