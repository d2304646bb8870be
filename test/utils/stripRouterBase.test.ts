import { describe, expect, it } from 'vitest'
import { stripRouterBase } from '../../src/utils/stripRouterBase'

describe('stripRouterBase', () => {
  it.each([
    ['/sign-in?x=1', undefined, '/sign-in?x=1'],
    ['/sign-in', '', '/sign-in'],
    ['/app/sign-in?x=1#h', '/app', '/sign-in?x=1#h'],
    ['/app/sign-in', '/app/', '/sign-in'],
    ['/app', '/app', '/'],
    ['/app?x=1', '/app', '/?x=1'],
    ['/application/x', '/app', '/application/x'],
    ['/other/sign-in', '/app', '/other/sign-in'],
  ])('turns %s with base %s into %s', (path, base, expected) => {
    expect(stripRouterBase(path, base)).toBe(expected)
  })
})
