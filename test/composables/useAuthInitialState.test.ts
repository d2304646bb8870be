import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { clerkPlugin, useAuth } from '../../src'

// A Frontend API that never answers: the Clerk object stays unloaded, so only initialState speaks.
const hang = () => new Promise<Response>(() => {})
const unmounts: (() => void)[] = []
afterEach(() => unmounts.splice(0).forEach(unmount => unmount()))

function authFrom(initialState: Record<string, unknown>, options: Parameters<typeof useAuth>[0] = {}) {
  let auth!: ReturnType<typeof useAuth>
  const wrapper = mount(defineComponent({
    setup() {
      auth = useAuth(options)
      return () => h('p')
    },
  }), { global: { plugins: [[clerkPlugin, { proxyUrl: 'http://localhost:4000', fetch: hang, initialState }]] as never[] } })
  unmounts.push(() => wrapper.unmount())
  return auth
}

const adminClaims = { v: 2, sub: 'user_1', sid: 'sess_1', fea: 'o:invoices', o: { id: 'org_1', slg: 'acme', rol: 'admin', per: 'create', fpm: '1' } }

describe('useAuth from server-rendered state', () => {
  it('reports the organization the token names', () => {
    const auth = authFrom({ sessionClaims: adminClaims })
    expect([auth.isLoaded.value, auth.orgId.value, auth.orgRole.value, auth.orgSlug.value]).toEqual([true, 'org_1', 'org:admin', 'acme'])
  })

  it.each([
    [{ role: 'admin' }, true],
    [{ role: 'org:admin' }, true],
    [{ role: 'org:member' }, false],
    [{ permission: 'org:invoices:create' }, true],
    [{ permission: 'org:invoices:delete' }, false],
    [{ feature: 'invoices' }, true],
    [{}, false],
  ])('has(%o) is %s', (params, expected) => {
    expect(authFrom({ sessionClaims: adminClaims }).has.value(params)).toBe(expected)
  })

  it('treats a pending session as signed out by default', () => {
    const auth = authFrom({ sessionClaims: { sub: 'user_1', sid: 'sess_1', sts: 'pending' } })
    expect([auth.isLoaded.value, auth.isSignedIn.value, auth.userId.value]).toEqual([true, false, null])
  })

  it('reports a pending session as signed in with treatPendingAsSignedOut: false', () => {
    const auth = authFrom({ sessionClaims: { sub: 'user_1', sid: 'sess_1', sts: 'pending' } }, { treatPendingAsSignedOut: false })
    expect([auth.isSignedIn.value, auth.userId.value]).toEqual([true, 'user_1'])
  })

  it('reports the impersonator as actor', () => {
    const auth = authFrom({ sessionClaims: { sub: 'user_1', sid: 'sess_1', act: { sub: 'user_admin' } } })
    expect(auth.actor.value).toEqual({ sub: 'user_admin' })
  })
})
