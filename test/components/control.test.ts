import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { ClerkLoaded, ClerkLoading, Protect, RedirectToSignIn, RedirectToSignUp, Show, SignedIn, SignedOut, SignInButton, SignOutButton, SignUpButton } from '../../src/components'
import { signInWithSdk, withUsers } from './fixtures'
import { mountWithClerk, settle, until } from './mountWithClerk'

/** One component showing what each control component renders right now. */
const Status = defineComponent({
  props: { condition: { type: Function, default: undefined } },
  setup(props) {
    return () => h('div', [
      h(ClerkLoading, () => h('i', 'loading')),
      h(ClerkLoaded, () => h('i', 'loaded')),
      h(SignedIn, () => h('i', 'in')),
      h(SignedOut, () => h('i', 'out')),
      h(Protect, { condition: props.condition as never }, { default: () => h('i', 'protected'), fallback: () => h('i', 'fallback') }),
      h(Protect, { role: 'org:admin' }, { default: () => h('i', 'admin'), fallback: () => h('i', 'not-admin') }),
      h(Show, { when: 'signed-in' }, { default: () => h('i', 'show-in'), fallback: () => h('i', 'show-in-fallback') }),
      h(Show, { when: 'signed-out' }, () => h('i', 'show-out')),
      h(Show, { when: { permission: 'org:invoices:create' } }, { default: () => h('i', 'can-invoice'), fallback: () => h('i', 'cannot-invoice') }),
    ])
  },
})

const shown = (wrapper: Awaited<ReturnType<typeof mountWithClerk>>) => wrapper.findAll('i').map(node => node.text())

describe('control components', () => {
  it('render only the loading parts until the Clerk object has loaded', async () => {
    const { clerk } = await withUsers()
    const wrapper = await mountWithClerk(Status, clerk, { waitForLoad: false })
    expect(shown(wrapper)).toEqual(['loading'])
    await clerk.load()
    await settle()
    expect(shown(wrapper)).toEqual(['loaded', 'out', 'fallback', 'not-admin', 'show-in-fallback', 'show-out', 'cannot-invoice'])
  })

  it('follow the sign-in state', async () => {
    const { clerk, email } = await withUsers()
    await signInWithSdk(clerk, email)
    const wrapper = await mountWithClerk(Status, clerk)
    expect(shown(wrapper)).toEqual(['loaded', 'in', 'protected', 'not-admin', 'show-in', 'cannot-invoice'])
    await clerk.signOut()
    await settle()
    expect(shown(wrapper)).toEqual(['loaded', 'out', 'fallback', 'not-admin', 'show-in-fallback', 'show-out', 'cannot-invoice'])
  })

  it('<Protect condition> asks the condition with has()', async () => {
    const { clerk, email } = await withUsers()
    await signInWithSdk(clerk, email)
    const condition = vi.fn(() => false)
    const wrapper = await mountWithClerk(Status, clerk, { props: { condition } })
    expect(shown(wrapper)).toContain('fallback')
    expect(condition).toHaveBeenCalledWith(expect.any(Function))
  })

  it('<Show when> takes a condition over has()', async () => {
    const { clerk, email } = await withUsers()
    await signInWithSdk(clerk, email)
    const Conditional = defineComponent(() => () => h(Show, { when: (has: (params: object) => boolean) => !has({ role: 'org:admin' }) }, () => h('i', 'no-role')))
    const wrapper = await mountWithClerk(Conditional, clerk)
    expect(shown(wrapper)).toEqual(['no-role'])
  })
})

describe('button components', () => {
  it('<SignInButton> renders a "Sign in" button that goes to the sign-in page with the redirect options', async () => {
    const { clerk, navigations } = await withUsers()
    const wrapper = await mountWithClerk(SignInButton, clerk, { props: { forceRedirectUrl: '/after' } })
    expect(wrapper.get('button').text()).toBe('Sign in')
    await wrapper.get('button').trigger('click')
    await until(() => navigations.length > 0)
    expect(navigations[0]).toMatch(/^\/sign-in\?/)
    expect(new URLSearchParams(navigations[0]!.split('?')[1]).get('sign_in_force_redirect_url')).toBe('/after')
  })

  it('<SignUpButton> puts its click on the child element, whose own handler still runs', async () => {
    const { clerk, navigations } = await withUsers()
    const own = vi.fn()
    const wrapper = await mountWithClerk(SignUpButton, clerk, { slots: { default: () => h('a', { class: 'mine', href: '#', onClick: own }, 'Join') } })
    expect(wrapper.html()).toBe('<a class="mine" href="#">Join</a>')
    await wrapper.get('a').trigger('click')
    await until(() => navigations.length > 0)
    expect(navigations).toEqual(['/sign-up'])
    expect(own).toHaveBeenCalledOnce()
  })

  it('<SignInButton> refuses more than one child', async () => {
    const { clerk } = await withUsers()
    await expect(mountWithClerk(SignInButton, clerk, { slots: { default: () => [h('button', 'a'), h('button', 'b')] } }))
      .rejects
      .toThrow('[portico] <SignInButton> takes one child element (a button or a link), got 2.')
  })

  it('<SignOutButton> signs out and leaves for redirectUrl', async () => {
    const { clerk, email, navigations } = await withUsers()
    await signInWithSdk(clerk, email)
    const wrapper = await mountWithClerk(SignOutButton, clerk, { props: { redirectUrl: '/bye' } })
    expect(wrapper.get('button').text()).toBe('Sign out')
    await wrapper.get('button').trigger('click')
    await until(() => !clerk.isSignedIn)
    expect(navigations.at(-1)).toBe('/bye')
  })

  it('<SignOutButton sessionId> signs out one account of several', async () => {
    const { clerk, navigations } = await withUsers(['ada@example.com', 'bob@example.com'], { sessionMode: 'multi' })
    await signInWithSdk(clerk, 'ada@example.com')
    const adaSession = clerk.session!.id
    await signInWithSdk(clerk, 'bob@example.com')
    const wrapper = await mountWithClerk(SignOutButton, clerk, { props: { sessionId: adaSession } })
    await wrapper.get('button').trigger('click')
    await until(() => clerk.client!.signedInSessions.length === 1)
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe('bob@example.com')
    expect(navigations).toEqual([])
  })
})

describe('redirect components', () => {
  it.each([
    ['RedirectToSignIn', RedirectToSignIn, '/sign-in'],
    ['RedirectToSignUp', RedirectToSignUp, '/sign-up'],
  ] as const)('<%s> navigates once loaded', async (_name, component, page) => {
    const { clerk, navigations } = await withUsers()
    const wrapper = await mountWithClerk(component, clerk, { props: { redirectUrl: '/back' } })
    await until(() => navigations.length > 0)
    expect(navigations[0]).toBe(`${page}?redirect_url=%2Fback`)
    expect(wrapper.text()).toBe('')
  })
})
