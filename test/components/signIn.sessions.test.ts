import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import SignIn from '../../src/components/SignIn.vue'
import { TEST_PASSWORD } from '../helpers/signUpTestUser'
import { signInWithSdk, withUsers } from './fixtures'
import { mountWithClerk, settle, until } from './mountWithClerk'

type Wrapper = Awaited<ReturnType<typeof mountWithClerk>>

async function signInThroughForm(wrapper: Wrapper, email: string) {
  await wrapper.get('input[name="identifier"]').setValue(email)
  await wrapper.get('form').trigger('submit')
  await until(() => wrapper.find('input[name="password"]').exists())
  await wrapper.get('input[name="password"]').setValue(TEST_PASSWORD)
  await wrapper.get('form').trigger('submit')
}

afterEach(() => {
  window.history.replaceState(null, '', '/')
})

describe('<SignIn> and existing sessions', () => {
  it('adds a second account in multi-session mode', async () => {
    const { clerk, navigations } = await withUsers(['ada@example.com', 'bob@example.com'], { sessionMode: 'multi' })
    await signInWithSdk(clerk, 'ada@example.com')
    const wrapper = await mountWithClerk(SignIn, clerk)
    expect(wrapper.get('h1').text()).toBe('Add an account')
    await signInThroughForm(wrapper, 'bob@example.com')
    await until(() => navigations.length > 0)
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe('bob@example.com')
    expect(clerk.client!.signedInSessions.map(session => session.publicUserData.identifier).sort()).toEqual(['ada@example.com', 'bob@example.com'])
  })

  it('switches to an account that is already signed in instead of signing it in twice', async () => {
    const { clerk, navigations } = await withUsers(['ada@example.com', 'bob@example.com'], { sessionMode: 'multi' })
    await signInWithSdk(clerk, 'ada@example.com')
    await signInWithSdk(clerk, 'bob@example.com')
    const wrapper = await mountWithClerk(SignIn, clerk)
    await wrapper.get('input[name="identifier"]').setValue('ada@example.com')
    await wrapper.get('form').trigger('submit')
    await until(() => navigations.length > 0)
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe('ada@example.com')
    expect(clerk.client!.signedInSessions).toHaveLength(2)
  })

  it('leaves for the redirect URL when opened while signed in to a single-session app', async () => {
    const { clerk, email, navigations } = await withUsers()
    await signInWithSdk(clerk, email)
    const wrapper = await mountWithClerk(SignIn, clerk, { props: { forceRedirectUrl: '/dashboard' } })
    expect(navigations).toEqual(['/dashboard'])
    expect(wrapper.text()).toContain('You’re already signed in.')
    expect(wrapper.find('form').exists()).toBe(false)
  })

  it('redirects to forceRedirectUrl after signing in', async () => {
    const { clerk, email, navigations } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk, { props: { forceRedirectUrl: '/welcome' } })
    await signInThroughForm(wrapper, email)
    await until(() => navigations.length > 0)
    expect(navigations).toEqual(['/welcome'])
  })

  it('redirects to the page\'s redirect_url rather than fallbackRedirectUrl', async () => {
    window.history.replaceState(null, '', '/sign-in?redirect_url=%2Fbilling')
    const { clerk, email, navigations } = await withUsers(undefined, {}, { window })
    const wrapper = await mountWithClerk(SignIn, clerk, { props: { fallbackRedirectUrl: '/home' } })
    await signInThroughForm(wrapper, email)
    await until(() => navigations.length > 0)
    expect(navigations).toEqual(['/billing'])
  })

  it('redirects to fallbackRedirectUrl when the page has no redirect_url', async () => {
    const { clerk, email, navigations } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk, { props: { fallbackRedirectUrl: '/home' } })
    await signInThroughForm(wrapper, email)
    await until(() => navigations.length > 0)
    expect(navigations).toEqual(['/home'])
  })
})

describe('<SignIn> loading and links', () => {
  it('shows a busy card until the Clerk object has loaded', async () => {
    const { clerk } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk, { waitForLoad: false })
    expect(wrapper.get('section').attributes('aria-busy')).toBe('true')
    expect(wrapper.get('[role="status"]').text()).toBe('Loading…')
    await clerk.load()
    await settle()
    expect(wrapper.find('input[name="identifier"]').exists()).toBe(true)
    expect(wrapper.get('section').attributes('aria-busy')).toBeUndefined()
  })

  it('shows a spinner on the submit button while a request runs', async () => {
    const { clerk, email } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk)
    await wrapper.get('input[name="identifier"]').setValue(email)
    await wrapper.get('form').trigger('submit')
    const button = wrapper.get('button[type="submit"]')
    expect(button.attributes('aria-busy')).toBe('true')
    expect(button.attributes('disabled')).toBeDefined()
    expect(button.find('.portico-spinner').exists()).toBe(true)
    await until(() => wrapper.find('input[name="password"]').exists())
  })

  it('links to the sign-up page, carrying the page\'s redirect_url', async () => {
    window.history.replaceState(null, '', '/sign-in?redirect_url=%2Fbilling')
    const { clerk, navigations } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk, { props: { signUpUrl: '/register' } })
    const link = wrapper.get('.portico-footer a')
    expect(link.attributes('href')).toBe('/register?redirect_url=%2Fbilling')
    await link.trigger('click')
    expect(navigations).toEqual(['/register?redirect_url=%2Fbilling'])
  })

  it('links to the default sign-up page without a redirect_url back to itself', async () => {
    const { clerk } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk)
    expect(wrapper.get('.portico-footer a').attributes('href')).toBe('/sign-up')
  })

  it('prefills the identifier from initialValues', async () => {
    const { clerk } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk, { props: { initialValues: { emailAddress: 'ada@example.com' } } })
    expect((wrapper.get('input[name="identifier"]').element as HTMLInputElement).value).toBe('ada@example.com')
  })
})

describe('<SignIn> routing', () => {
  function signInRouter(start = '/sign-in') {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/sign-in/:rest(.*)*', component: { render: () => null } }, { path: '/:any(.*)*', component: { render: () => null } }],
    })
    void router.push(start)
    return router
  }

  it('puts each step under `path` through vue-router, keeping the query', async () => {
    const router = signInRouter('/sign-in?redirect_url=%2Fx')
    await router.isReady()
    const { clerk, email } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk, { router, props: { path: '/sign-in' } })
    await wrapper.get('input[name="identifier"]').setValue(email)
    await wrapper.get('form').trigger('submit')
    await until(() => wrapper.find('input[name="password"]').exists())
    expect(router.currentRoute.value.path).toBe('/sign-in/factor-one')
    expect(router.currentRoute.value.query).toEqual({ redirect_url: '/x' })
    router.back()
    await until(() => wrapper.find('input[name="identifier"]').exists())
  })

  it('resumes a sign-in at the step its URL names (a reload mid-flow)', async () => {
    const { clerk, email } = await withUsers()
    await clerk.load()
    await clerk.client!.signIn.create({ identifier: email })
    const router = signInRouter('/sign-in/factor-one')
    await router.isReady()
    const wrapper = await mountWithClerk(SignIn, clerk, { router, props: { path: '/sign-in' } })
    expect(wrapper.find('input[name="password"]').exists()).toBe(true)
  })

  it('shows the first step when the URL names a step the sign-in is not at', async () => {
    const router = signInRouter('/sign-in/new-password')
    await router.isReady()
    const { clerk } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk, { router, props: { path: '/sign-in' } })
    expect(wrapper.find('input[name="identifier"]').exists()).toBe(true)
  })

  it('keeps steps in the hash with hash routing and no router', async () => {
    window.history.replaceState(null, '', '/login')
    const { clerk, email } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk, { props: { routing: 'hash' } })
    await wrapper.get('input[name="identifier"]').setValue(email)
    await wrapper.get('form').trigger('submit')
    await until(() => wrapper.find('input[name="password"]').exists())
    expect(window.location.pathname + window.location.hash).toBe('/login#/factor-one')
  })

  it('keeps steps in sub-paths through the History API without a router', async () => {
    window.history.replaceState(null, '', '/sign-in')
    const { clerk, email } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk, { props: { path: '/sign-in' } })
    await wrapper.get('input[name="identifier"]').setValue(email)
    await wrapper.get('form').trigger('submit')
    await until(() => wrapper.find('input[name="password"]').exists())
    expect(window.location.pathname).toBe('/sign-in/factor-one')
  })

  it('never touches the URL with virtual routing', async () => {
    window.history.replaceState(null, '', '/somewhere')
    const { clerk, email } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk, { props: { routing: 'virtual' } })
    await wrapper.get('input[name="identifier"]').setValue(email)
    await wrapper.get('form').trigger('submit')
    await until(() => wrapper.find('input[name="password"]').exists())
    expect(window.location.pathname + window.location.hash).toBe('/somewhere')
  })
})
