import { describe, expect, it } from 'vitest'
import { nextPageNumber, pageCounters } from '../../src/utils/pageMath'

describe('pageCounters', () => {
  it.each([
    // page, initialPage, pageSize, count, infinite -> pageCount, next, previous
    [1, 1, 10, 0, false, 0, false, false],
    [1, 1, 10, 25, false, 3, true, false],
    [2, 1, 10, 25, false, 3, true, true],
    [3, 1, 10, 25, false, 3, false, true],
    [3, 1, 10, 30, false, 3, false, true],
    [1, 1, 10, 25, true, 3, true, false],
    [3, 1, 10, 25, true, 3, false, true],
    // infinite lists count pages from initialPage on
    [1, 2, 10, 25, true, 2, true, false],
    [2, 2, 10, 25, true, 2, false, true],
    // paged lists keep absolute page numbers
    [2, 2, 10, 25, false, 3, true, true],
  ])('page %i (from %i, %i per page, %i items, infinite %s): %i pages, next %s, previous %s', (page, initialPage, pageSize, count, infinite, pageCount, hasNextPage, hasPreviousPage) => {
    expect(pageCounters({ page, initialPage, pageSize, count, infinite })).toEqual({ pageCount, hasNextPage, hasPreviousPage })
  })
})

describe('nextPageNumber', () => {
  it.each([
    [3, 5, 5],
    [3, (p: number) => p + 1, 4],
    [1, (p: number) => p - 1, 1],
    [2, 0, 1],
    [2, 2.7, 2],
    [4, Number.NaN, 4],
  ])('from page %i with %s gives %i', (current, setter, expected) => {
    expect(nextPageNumber(current, setter)).toBe(expected)
  })
})
