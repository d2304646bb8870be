import type { NavigationGuardWithThis, RouteMeta } from 'vue-router'
import type { AuthRequirement, CheckAuthorization, ClientResource, OrganizationResource, SessionResource, UserResource } from '../../src'
import { describe, expectTypeOf, it } from 'vitest'
import { authGuard, createAuthGuard, useClientStore, useOrganizationStore, useSessionStore, useUserStore } from '../../src'

describe('public store and router types', () => {
  it('stores are namespaced and hold tri-state snapshots', () => {
    expectTypeOf(useClientStore.$id).toEqualTypeOf<'portico/client'>()
    expectTypeOf(useSessionStore.$id).toEqualTypeOf<'portico/session'>()
    expectTypeOf(useUserStore.$id).toEqualTypeOf<'portico/user'>()
    expectTypeOf(useOrganizationStore.$id).toEqualTypeOf<'portico/organization'>()
    expectTypeOf(useClientStore().client).toEqualTypeOf<ClientResource | null | undefined>()
    expectTypeOf(useClientStore().isLoaded).toEqualTypeOf<boolean>()
    expectTypeOf(useSessionStore().session).toEqualTypeOf<SessionResource | null | undefined>()
    expectTypeOf(useSessionStore().isSignedIn).toEqualTypeOf<boolean | undefined>()
    expectTypeOf(useUserStore().user).toEqualTypeOf<UserResource | null | undefined>()
    expectTypeOf(useOrganizationStore().organization).toEqualTypeOf<OrganizationResource | null | undefined>()
  })

  it('stores expose the awaitables code outside components needs', () => {
    expectTypeOf(useSessionStore().getToken).returns.toEqualTypeOf<Promise<string | null>>()
    expectTypeOf(useSessionStore().has).toEqualTypeOf<CheckAuthorization>()
    expectTypeOf(useClientStore().ready).returns.resolves.toHaveProperty('loaded')
  })

  it('route meta accepts requiresAuth as a flag, has() params or a predicate', () => {
    expectTypeOf<RouteMeta['requiresAuth']>().toEqualTypeOf<AuthRequirement | undefined>()
    const metas: RouteMeta[] = [
      { requiresAuth: true },
      { requiresAuth: { role: 'org:admin' } },
      { requiresAuth: has => has({ permission: 'org:invoices:create' }) },
    ]
    expectTypeOf(metas).toBeArray()
    // @ts-expect-error a role is a string
    const bad: RouteMeta = { requiresAuth: { role: 1 } }
    expectTypeOf(bad).toBeObject()
  })

  it('the guard is a vue-router navigation guard', () => {
    expectTypeOf(authGuard).toEqualTypeOf<NavigationGuardWithThis<undefined>>()
    expectTypeOf(createAuthGuard({ unauthorizedRedirect: '/' })).toEqualTypeOf<NavigationGuardWithThis<undefined>>()
  })
})
