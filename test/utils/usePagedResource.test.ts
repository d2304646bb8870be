import type { ClerkPaginatedResponse } from '../../src/core'
import type { PaginatedListParams } from '../../src/utils/paginatedResources'
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, shallowRef } from 'vue'
import { usePagedResource } from '../../src/utils/usePagedResource'

interface Call {
  source: string
  initialPage: number
  pageSize: number
  filters: Record<string, unknown>
  resolve: (total?: number) => void
  reject: (error: Error) => void
}

const scopes: ReturnType<typeof effectScope>[] = []
afterEach(() => {
  for (const scope of scopes.splice(0))
    scope.stop()
})

/**
 * A list over a source named by a string whose items are `<source>:<index>`; every request waits until
 * the test answers it (`calls[i].resolve(total)`), so the order answers arrive in is the test's choice.
 */
function setup(params: PaginatedListParams<{ status?: string }> | undefined | (() => PaginatedListParams<{ status?: string }> | undefined), initial = 'org_a') {
  const source = shallowRef<string | null>(initial)
  const version = shallowRef('v1')
  const calls: Call[] = []
  const scope = effectScope()
  scopes.push(scope)
  const list = scope.run(() => usePagedResource({
    params,
    source: () => source.value,
    key: s => s,
    version: () => version.value,
    fetch: (s, { initialPage, pageSize, ...filters }) => new Promise<ClerkPaginatedResponse<string>>((resolve, reject) => {
      calls.push({
        source: s,
        initialPage,
        pageSize,
        filters,
        resolve: (total = 25) => {
          const start = (initialPage - 1) * pageSize
          const data = Array.from({ length: Math.max(0, Math.min(pageSize, total - start)) }, (_, i) => `${s}:${start + i}`)
          resolve({ data, totalCount: total })
        },
        reject,
      })
    }),
  }))!
  return { list, source, version, calls, scope }
}

describe('usePagedResource', () => {
  it('stays empty and fetches nothing when the list was not asked for', async () => {
    const { list, calls } = setup(undefined)
    list.fetchNext()
    await list.revalidate()
    expect(calls).toHaveLength(0)
    expect([list.data, list.count, list.isLoading, list.hasNextPage]).toEqual([[], 0, false, false])
  })

  it('loads the first page with Clerk\'s defaults, loading first', async () => {
    const { list, calls } = setup(true)
    expect([list.isLoading, list.isFetching]).toEqual([true, true])
    expect(calls.map(c => [c.initialPage, c.pageSize])).toEqual([[1, 10]])
    calls[0]!.resolve(25)
    await flushPromises()
    expect(list.data).toHaveLength(10)
    expect([list.count, list.page, list.pageCount, list.hasNextPage, list.hasPreviousPage]).toEqual([25, 1, 3, true, false])
    expect([list.isLoading, list.isFetching]).toEqual([false, false])
  })

  it('sends the filters and the page size as asked', async () => {
    const { calls } = setup({ pageSize: 2, initialPage: 3, status: 'pending' })
    expect(calls.map(c => [c.initialPage, c.pageSize, c.filters])).toEqual([[3, 2, { status: 'pending' }]])
  })

  it('replaces the page on fetchNext and clears it while loading', async () => {
    const { list, calls } = setup({ pageSize: 10 })
    calls[0]!.resolve()
    await flushPromises()
    list.fetchNext()
    expect([list.page, list.data, list.isLoading]).toEqual([2, [], true])
    calls[1]!.resolve()
    await flushPromises()
    expect(list.data[0]).toBe('org_a:10')
    list.fetchPrevious()
    calls[2]!.resolve()
    await flushPromises()
    expect([list.page, list.data[0]]).toEqual([1, 'org_a:0'])
  })

  it('keeps the previous page visible with keepPreviousData', async () => {
    const { list, calls } = setup({ keepPreviousData: true })
    calls[0]!.resolve()
    await flushPromises()
    list.fetchPage(3)
    expect([list.page, list.data[0], list.isLoading, list.isFetching]).toEqual([3, 'org_a:0', false, true])
    calls[1]!.resolve()
    await flushPromises()
    expect(list.data).toEqual(['org_a:20', 'org_a:21', 'org_a:22', 'org_a:23', 'org_a:24'])
  })

  it('does not go past the last page', async () => {
    const { list, calls } = setup({ pageSize: 10 })
    calls[0]!.resolve(10)
    await flushPromises()
    list.fetchNext()
    expect(calls).toHaveLength(1)
  })

  it('accumulates pages with infinite and drops the last one with fetchPrevious', async () => {
    const { list, calls } = setup({ pageSize: 10, infinite: true })
    calls[0]!.resolve()
    await flushPromises()
    list.fetchNext()
    // the loaded page stays while the next one loads
    expect([list.data.length, list.isLoading, list.isFetching]).toEqual([10, false, true])
    calls[1]!.resolve()
    await flushPromises()
    expect([list.data.length, list.page, list.hasNextPage]).toEqual([20, 2, true])
    list.fetchNext()
    calls[2]!.resolve()
    await flushPromises()
    expect([list.data.length, list.data.at(-1), list.hasNextPage]).toEqual([25, 'org_a:24', false])
    list.fetchPrevious()
    expect([list.data.length, list.page, calls.length]).toEqual([20, 2, 3])
  })

  it('drops an answer that arrives after a newer request started', async () => {
    const { list, calls } = setup({ pageSize: 10 })
    calls[0]!.resolve()
    await flushPromises()
    list.fetchPage(2)
    list.fetchPage(3)
    calls[2]!.resolve()
    await flushPromises()
    calls[1]!.resolve()
    await flushPromises()
    expect([list.page, list.data[0], list.isFetching]).toEqual([3, 'org_a:20', false])
  })

  it('starts over when the source changes, ignoring the old source\'s late answer', async () => {
    const { list, calls, source } = setup({ pageSize: 10 })
    calls[0]!.resolve()
    await flushPromises()
    list.fetchNext()
    source.value = 'org_b'
    await flushPromises()
    expect(calls.map(c => [c.source, c.initialPage])).toEqual([['org_a', 1], ['org_a', 2], ['org_b', 1]])
    expect([list.data, list.page]).toEqual([[], 1])
    calls[2]!.resolve(3)
    calls[1]!.resolve()
    await flushPromises()
    expect([list.data, list.count]).toEqual([['org_b:0', 'org_b:1', 'org_b:2'], 3])
  })

  it('empties when the source goes away', async () => {
    const { list, calls, source } = setup(true)
    calls[0]!.resolve()
    await flushPromises()
    source.value = null
    await flushPromises()
    expect([list.data, list.count, list.isFetching]).toEqual([[], 0, false])
  })

  it('revalidates in place when the source\'s version changes', async () => {
    const { list, calls, version } = setup({ pageSize: 10 })
    calls[0]!.resolve(25)
    await flushPromises()
    version.value = 'v2'
    await flushPromises()
    expect([calls.length, list.data.length, list.isLoading, list.isFetching]).toEqual([2, 10, false, true])
    calls[1]!.resolve(26)
    await flushPromises()
    expect(list.count).toBe(26)
  })

  it('revalidate re-reads every loaded page of an infinite list', async () => {
    const { list, calls } = setup({ pageSize: 10, infinite: true })
    calls[0]!.resolve()
    await flushPromises()
    list.fetchNext()
    calls[1]!.resolve()
    await flushPromises()
    const done = list.revalidate()
    expect(calls.slice(2).map(c => c.initialPage)).toEqual([1, 2])
    calls[2]!.resolve(12)
    calls[3]!.resolve(12)
    await done
    expect([list.data.length, list.count, list.hasNextPage]).toEqual([12, 12, false])
  })

  it('reports a failure, and clears it on the next success', async () => {
    const { list, calls } = setup(true)
    calls[0]!.reject(new Error('boom'))
    await flushPromises()
    expect([list.isError, list.error?.message, list.isFetching]).toEqual([true, 'boom', false])
    await Promise.all([list.revalidate(), Promise.resolve().then(() => calls[1]!.resolve())])
    expect([list.isError, list.error, list.data.length]).toEqual([false, null, 10])
  })

  it('follows params given as a getter: a new filter starts over', async () => {
    const status = shallowRef('pending')
    const { list, calls } = setup(() => ({ pageSize: 5, status: status.value }))
    calls[0]!.resolve()
    await flushPromises()
    status.value = 'accepted'
    await flushPromises()
    expect(calls.map(c => c.filters.status)).toEqual(['pending', 'accepted'])
    expect(list.data).toEqual([])
  })

  it('ignores answers that arrive after its scope is gone', async () => {
    const { list, calls, scope } = setup(true)
    scope.stop()
    calls[0]!.resolve()
    await flushPromises()
    expect(list.data).toEqual([])
  })

  it('is read-only from the outside', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { list } = setup(true)
    // @ts-expect-error the list's fields are read-only
    list.count = 5
    expect(list.count).toBe(0)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('target is readonly'), expect.anything())
  })
})
