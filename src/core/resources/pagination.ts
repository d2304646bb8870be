import type { FapiContractName, FapiContracts } from '../fapi/fapiContract'
import type { ResourceContext } from './ResourceContext'

/** Which page to read (ClerkJS names): pages count from 1. */
export interface ClerkPaginationParams {
  /** The page to read; earlier pages are skipped. @default 1 */
  initialPage?: number
  /** Items per page (`limit`). @default 10 */
  pageSize?: number
}

/** One page of a list, with the total the server holds (`total_count` on the wire). */
export interface ClerkPaginatedResponse<T> {
  data: T[]
  totalCount: number
}

/** The page size clerk-js uses when none is asked for. */
export const DEFAULT_PAGE_SIZE = 10

/** Turns `{ initialPage, pageSize }` into the wire's `limit` and `offset = (page - 1) * limit`. */
export function toPageQuery(params: ClerkPaginationParams = {}): { limit: number, offset: number } {
  const limit = Math.max(1, Math.floor(params.pageSize ?? DEFAULT_PAGE_SIZE))
  const page = Math.max(1, Math.floor(params.initialPage ?? 1))
  return { limit, offset: (page - 1) * limit }
}

/** What `fetchPage` needs: where to read, the filters, and how to build each item. */
export interface FetchPageOptions<N extends FapiContractName, T> {
  path: string
  /** Paging and filters; `initialPage`/`pageSize` are turned into `limit`/`offset`, the rest is sent as written. */
  params?: ClerkPaginationParams
  /** Filters in their wire names (`role`, `query`, `status`, ...); arrays become repeated keys. */
  filters?: Record<string, string | string[] | boolean | undefined>
  /** The contract of one item. */
  item: N
  build: (json: FapiContracts[N]) => T
}

/**
 * Reads one page of a paginated FAPI list (`{data, total_count}` in `response`). `paginated=true`
 * is always sent: the membership lists answer a bare array without it.
 */
export async function fetchPage<N extends FapiContractName, T>(ctx: ResourceContext, options: FetchPageOptions<N, T>): Promise<ClerkPaginatedResponse<T>> {
  const { path, params, filters, item, build } = options
  const { response } = await ctx.request({
    path,
    method: 'GET',
    query: { ...toPageQuery(params), paginated: true, ...filters },
    contract: `${item}[page]` as const,
  })
  return { data: response.data.map(json => build(json as FapiContracts[N])), totalCount: response.total_count }
}
