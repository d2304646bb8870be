import type { ComputedRef, ShallowRef } from 'vue'
import type { CheckAuthorization, Clerk, GetToken, SetActive, SignOut, useClerkReady } from '../../src'
import type { ClientResource, SessionResource, SignInResource, SignUpResource, UserResource } from '../../src/types'
import { describe, expectTypeOf, it } from 'vitest'
import { useAuth, useClerk, useSession, useSessionList, useSignIn, useSignUp, useUser } from '../../src'

type Identical<X, Y> = (<T>() => T extends X ? 1 : 2) extends (<T>() => T extends Y ? 1 : 2) ? true : false

describe('public composable types', () => {
  it('useAuth returns one computed ref per field, tri-state ids', () => {
    const auth = useAuth()
    expectTypeOf(auth.isLoaded).toEqualTypeOf<ComputedRef<boolean>>()
    expectTypeOf(auth.isSignedIn).toEqualTypeOf<ComputedRef<boolean | undefined>>()
    expectTypeOf(auth.userId).toEqualTypeOf<ComputedRef<string | null | undefined>>()
    expectTypeOf(auth.sessionId).toEqualTypeOf<ComputedRef<string | null | undefined>>()
    expectTypeOf(auth.sessionClaims).toEqualTypeOf<ComputedRef<Record<string, unknown> | null | undefined>>()
    expectTypeOf(auth.actor).toEqualTypeOf<ComputedRef<Record<string, unknown> | null | undefined>>()
    expectTypeOf(auth.orgId).toEqualTypeOf<ComputedRef<string | null | undefined>>()
    expectTypeOf(auth.orgRole).toEqualTypeOf<ComputedRef<string | null | undefined>>()
    expectTypeOf(auth.orgSlug).toEqualTypeOf<ComputedRef<string | null | undefined>>()
    expectTypeOf(auth.has).toEqualTypeOf<ComputedRef<CheckAuthorization>>()
    expectTypeOf(auth.getToken).toEqualTypeOf<ComputedRef<GetToken>>()
    expectTypeOf(auth.signOut).toEqualTypeOf<ComputedRef<SignOut>>()
    expectTypeOf<keyof typeof auth>().toEqualTypeOf<'isLoaded' | 'isSignedIn' | 'userId' | 'sessionId' | 'sessionClaims' | 'actor' | 'orgId' | 'orgRole' | 'orgSlug' | 'has' | 'signOut' | 'getToken'>()
  })

  it('useAuth accepts treatPendingAsSignedOut only', () => {
    useAuth({ treatPendingAsSignedOut: false })
    // @ts-expect-error unknown option
    useAuth({ treatPending: false })
  })

  it('getToken and signOut resolve as ClerkJS does', () => {
    expectTypeOf<ReturnType<GetToken>>().toEqualTypeOf<Promise<string | null>>()
    expectTypeOf<Parameters<GetToken>[0]>().toEqualTypeOf<{ template?: string, organizationId?: string | null, skipCache?: boolean } | undefined>()
    expectTypeOf<ReturnType<SignOut>>().toEqualTypeOf<Promise<void>>()
  })

  it('useUser returns the user tri-state', () => {
    const { isLoaded, isSignedIn, user } = useUser()
    expectTypeOf(isLoaded).toEqualTypeOf<ComputedRef<boolean>>()
    expectTypeOf(isSignedIn).toEqualTypeOf<ComputedRef<boolean | undefined>>()
    expectTypeOf(user).toEqualTypeOf<ComputedRef<UserResource | null | undefined>>()
  })

  it('useSession returns the session tri-state', () => {
    const { isLoaded, isSignedIn, session } = useSession()
    expectTypeOf(isLoaded).toEqualTypeOf<ComputedRef<boolean>>()
    expectTypeOf(isSignedIn).toEqualTypeOf<ComputedRef<boolean | undefined>>()
    expectTypeOf(session).toEqualTypeOf<ComputedRef<SessionResource | null | undefined>>()
  })

  it('useSessionList returns the client sessions and setActive', () => {
    const { isLoaded, sessions, setActive } = useSessionList()
    expectTypeOf(isLoaded).toEqualTypeOf<ComputedRef<boolean>>()
    expectTypeOf(sessions).toEqualTypeOf<ComputedRef<SessionResource[] | undefined>>()
    expectTypeOf(setActive).toEqualTypeOf<ComputedRef<SetActive | undefined>>()
  })

  it('useSignIn and useSignUp return the in-progress resources', () => {
    expectTypeOf(useSignIn().signIn).toEqualTypeOf<ComputedRef<SignInResource | undefined>>()
    expectTypeOf(useSignIn().setActive).toEqualTypeOf<ComputedRef<SetActive | undefined>>()
    expectTypeOf(useSignUp().signUp).toEqualTypeOf<ComputedRef<SignUpResource | undefined>>()
    expectTypeOf(useSignUp().isLoaded).toEqualTypeOf<ComputedRef<boolean>>()
  })

  it('useClerk returns a shallow ref of the Clerk instance; useClerkReady a promise of it', () => {
    // expect-type's deep comparison cannot see through a class's private members: compare identically
    expectTypeOf<Identical<ReturnType<typeof useClerk>, ShallowRef<Clerk>>>().toEqualTypeOf<true>()
    expectTypeOf<Identical<ReturnType<typeof useClerkReady>, Promise<Clerk>>>().toEqualTypeOf<true>()
    expectTypeOf<Identical<ReturnType<typeof useClerkReady>, Promise<unknown>>>().toEqualTypeOf<false>()
    expectTypeOf(useClerk().value.client).toEqualTypeOf<ClientResource | undefined>()
  })
})
