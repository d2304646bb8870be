import type { TestServer } from '../helpers/createTestClerk'
import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import SignIn from '../../src/components/SignIn.vue'
import SignUp from '../../src/components/SignUp.vue'
import { adaSignedIn, inbox } from '../core/organizations/orgTestHelpers'
import { createTestClerk } from '../helpers/createTestClerk'
import { createSecondFactorServer, serverClock, signUpWithSecondFactors, totpCode } from '../helpers/secondFactorTestKit'
import { signUpTestUser, TEST_PASSWORD } from '../helpers/signUpTestUser'
import { expectNoAxeViolations } from './axe'
import { mountWithClerk, settle, until } from './mountWithClerk'

afterEach(() => {
  window.history.replaceState(null, '', '/')
})

/**
 * Ada (admin of Acme Inc) invites `email`, someone new or, with `hasAccount`, someone with an account
 * (signed out everywhere); returns the organization and the link the invitation email carries.
 */
async function invited(email: string, role = 'org:member', { config = {}, hasAccount = false } = {}) {
  const { server, clerk: ada } = await adaSignedIn(config)
  if (hasAccount)
    await existingAccount(server, email)
  const org = await ada.createOrganization({ name: 'Acme Inc' })
  const invitation = await org.inviteMember({ emailAddress: email, role })
  const [mail] = (await inbox(server, email)).filter(message => message.subject.includes('invited'))
  const link = new URL(/https?:\/\/\S+/.exec(mail!.body)![0])
  return { server, org, invitation, link, ticket: link.searchParams.get('__clerk_ticket')! }
}

/** Opens the invitation link's query on `path`, as the browser would after the click. */
function openLink(path: string, link: URL): void {
  window.history.replaceState(null, '', `${path}${link.search}`)
}

/** Someone with an account who is signed out everywhere (their own browser signed out). */
async function existingAccount(server: TestServer, email: string): Promise<void> {
  const other = await signUpTestUser(server, email)
  await other.clerk.signOut()
}

describe('<SignUp> with an invitation link (__clerk_ticket)', () => {
  it('shows the invited address fixed, asks no code, and lands the new user in the organization', async () => {
    const { server, org, link } = await invited('grace@example.com', 'org:admin')
    expect(link.searchParams.get('__clerk_status')).toBe('sign_up')
    openLink('/sign-up', link)
    const { clerk, browser, navigations } = createTestClerk(server)
    const wrapper = await mountWithClerk(SignUp, clerk)
    await until(() => wrapper.find('input[name="password"]').exists())
    const email = wrapper.get<HTMLInputElement>('input[name="email_address"]')
    expect(email.element.value).toBe('grace@example.com')
    expect(email.attributes('disabled')).toBeDefined()
    await expectNoAxeViolations(wrapper.element)

    await wrapper.get('input[name="password"]').setValue(TEST_PASSWORD)
    await wrapper.get('form').trigger('submit')
    await until(() => navigations.length > 0)
    expect(navigations).toEqual(['/'])
    expect(wrapper.find('input[name="code"]').exists()).toBe(false)
    expect(browser.requests.some(request => request.includes('prepare_verification'))).toBe(false)
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe('grace@example.com')
    expect(clerk.user?.organizationMemberships.map(membership => [membership.organization.id, membership.role])).toEqual([[org.id, 'org:admin']])
  })

  it('completes at once when the instance asks for nothing beyond the address', async () => {
    const { server, org, link } = await invited('grace@example.com', 'org:member', { config: { signUp: { password: 'off' } } })
    openLink('/sign-up', link)
    const { clerk, navigations } = createTestClerk(server)
    await mountWithClerk(SignUp, clerk)
    await until(() => navigations.length > 0)
    expect(clerk.user?.organizationMemberships.map(membership => membership.organization.id)).toEqual([org.id])
  })

  it('says why a revoked invitation\'s link does not work, and offers the usual form', async () => {
    const { server, invitation, link } = await invited('grace@example.com')
    await invitation.revoke()
    openLink('/sign-up', link)
    const { clerk } = createTestClerk(server)
    const wrapper = await mountWithClerk(SignUp, clerk)
    await until(() => wrapper.find('[role="alert"] .portico-alert').exists())
    expect(wrapper.get('[role="alert"]').text()).toBe('This invitation was revoked.')
    // a ticket that does not work stays in the address (only a used one leaves it)
    expect(new URLSearchParams(window.location.search).get('__clerk_ticket')).toBe(link.searchParams.get('__clerk_ticket'))
    expect(wrapper.get('input[name="email_address"]').attributes('disabled')).toBeUndefined()
    expect(wrapper.get<HTMLInputElement>('input[name="email_address"]').element.value).toBe('')
  })
})

describe('<SignIn> with an invitation link (__clerk_ticket)', () => {
  it('signs the invitee in by itself and accepts the invitation with its role', async () => {
    const { server, org, link } = await invited('bob@example.com', 'org:admin', { hasAccount: true })
    expect(link.searchParams.get('__clerk_status')).toBe('sign_in')
    openLink('/sign-in', link)
    const { clerk, navigations } = createTestClerk(server)
    const wrapper = await mountWithClerk(SignIn, clerk)
    await until(() => navigations.length > 0)
    expect(navigations).toEqual(['/'])
    expect(wrapper.find('input[name="identifier"]').exists()).toBe(false)
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe('bob@example.com')
    expect(clerk.user?.organizationMemberships.map(membership => [membership.organization.id, membership.role])).toEqual([[org.id, 'org:admin']])
  })

  it('asks an invitee with two-step verification for the second factor, then joins', { timeout: 30_000 }, async () => {
    const server = await createSecondFactorServer()
    const clock = serverClock(server)
    const bob = await signUpWithSecondFactors(server, clock, 'bob@example.com')
    const ada = await signUpTestUser(server, 'ada@example.com')
    const org = await ada.clerk.createOrganization({ name: 'Acme Inc' })
    await org.inviteMember({ emailAddress: bob.email, role: 'org:member' })
    const [mail] = (await inbox(server, bob.email)).filter(message => message.subject.includes('invited'))
    openLink('/sign-in', new URL(/https?:\/\/\S+/.exec(mail!.body)![0]))
    const { clerk, navigations } = createTestClerk(server)
    const wrapper = await mountWithClerk(SignIn, clerk)
    await until(() => wrapper.find('input[name="code"]').exists())
    expect(wrapper.get('h1').text()).toBe('Two-step verification')
    expect(clerk.isSignedIn).toBe(false)
    await wrapper.get('input[name="code"]').setValue(totpCode(bob.secret, clock.now()))
    await until(() => navigations.length > 0)
    expect(clerk.user?.organizationMemberships.map(membership => membership.organization.id)).toEqual([org.id])
  })

  it('shows the error of a ticket that does not work on the first step', async () => {
    const { server, link } = await invited('bob@example.com')
    link.searchParams.set('__clerk_ticket', `${link.searchParams.get('__clerk_ticket')}x`)
    // a sign-up link would go on to the sign-up page
    link.searchParams.set('__clerk_status', 'sign_in')
    openLink('/sign-in', link)
    const { clerk, navigations } = createTestClerk(server)
    const wrapper = await mountWithClerk(SignIn, clerk)
    await until(() => wrapper.find('[role="alert"] .portico-alert').exists())
    expect(wrapper.get('[role="alert"]').text()).toBe('This invitation link is not valid. Use the link from your invitation email.')
    expect(wrapper.find('input[name="identifier"]').exists()).toBe(true)
    expect(navigations).toEqual([])
    expect(clerk.user).toBeFalsy()
  })
})

describe('an invitation link opened on the other page (__clerk_status)', () => {
  it('<SignUp> sends a link meant for sign-in to the sign-in page with its ticket, where the invitee joins', async () => {
    const { server, org, link } = await invited('bob@example.com', 'org:member', { hasAccount: true })
    openLink('/sign-up', link)
    const { clerk, browser, navigations } = createTestClerk(server)
    const wrapper = await mountWithClerk(SignUp, clerk, { props: { signInUrl: '/login' } })
    await until(() => navigations.length > 0)
    const target = new URL(navigations[0]!, 'http://app.test')
    expect(target.pathname).toBe('/login')
    expect([...target.searchParams.keys()]).toEqual(['__clerk_ticket'])
    expect(target.searchParams.get('__clerk_ticket')).toBe(link.searchParams.get('__clerk_ticket'))
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    expect(browser.requests.some(request => request.includes('sign_ups'))).toBe(false)

    // the sign-in page the link went on to signs Bob in and accepts the invitation
    window.history.replaceState(null, '', navigations[0]!)
    const next = createTestClerk(server, { browser })
    await mountWithClerk(SignIn, next.clerk)
    await until(() => next.navigations.length > 0)
    expect(next.clerk.user?.organizationMemberships.map(membership => membership.organization.id)).toEqual([org.id])
  })

  it('<SignIn> sends a link meant for sign-up to the sign-up page (its signUpUrl, else the configured one)', async () => {
    const { server, link } = await invited('grace@example.com')
    for (const [props, page] of [[{ signUpUrl: '/join' }, '/join'], [{}, '/sign-up']] as const) {
      openLink('/sign-in', link)
      const { clerk, browser, navigations } = createTestClerk(server)
      const wrapper = await mountWithClerk(SignIn, clerk, { props })
      await until(() => navigations.length > 0)
      expect(navigations).toEqual([`${page}?__clerk_ticket=${encodeURIComponent(link.searchParams.get('__clerk_ticket')!)}`])
      expect(wrapper.find('input[name="identifier"]').exists()).toBe(false)
      expect(browser.requests.some(request => request.includes('sign_ins'))).toBe(false)
      wrapper.unmount()
    }
  })
})

describe('an invitation link opened by an invitee who is signed in already', () => {
  /** Bob, signed in on his browser, invited by Ada into a new organization; returns his link. */
  async function bobInvited(config = {}) {
    const { server, clerk: ada } = await adaSignedIn(config)
    const bob = await signUpTestUser(server, 'bob@example.com')
    const org = await ada.createOrganization({ name: 'Globex' })
    const invitation = await org.inviteMember({ emailAddress: 'bob@example.com', role: 'org:admin' })
    const [mail] = (await inbox(server, 'bob@example.com')).filter(message => message.subject.includes('invited'))
    return { server, bob, org, invitation, link: new URL(/https?:\/\/\S+/.exec(mail!.body)![0]) }
  }

  it('accepts the invitation and leaves once, in a single-session app', async () => {
    const { server, bob, org, link } = await bobInvited()
    openLink('/sign-in', link)
    const { clerk, navigations } = createTestClerk(server, { browser: bob.browser })
    await mountWithClerk(SignIn, clerk)
    await until(() => navigations.length > 0 && clerk.user?.organizationMemberships.length === 1)
    await settle()
    expect(navigations).toEqual(['/'])
    expect(clerk.user?.id).toBe(bob.clerk.user?.id)
    expect(clerk.user?.organizationMemberships.map(membership => [membership.organization.id, membership.role])).toEqual([[org.id, 'org:admin']])
  })

  it('accepts the invitation and switches to the invitee, in a multi-session app', async () => {
    const { server, bob, org, link } = await bobInvited({ sessionMode: 'multi' })
    // another account is active in the same browser
    const other = await signUpTestUser(server, 'carol@example.com', { browser: bob.browser })
    expect(other.clerk.client?.sessions.map(session => session.user?.primaryEmailAddress?.emailAddress)).toEqual(expect.arrayContaining(['bob@example.com', 'carol@example.com']))
    expect(other.clerk.user?.primaryEmailAddress?.emailAddress).toBe('carol@example.com')
    openLink('/sign-in', link)
    const { clerk, navigations } = createTestClerk(server, { browser: other.browser })
    await mountWithClerk(SignIn, clerk)
    await until(() => navigations.length > 0)
    expect(clerk.user?.primaryEmailAddress?.emailAddress).toBe('bob@example.com')
    expect(clerk.user?.organizationMemberships.map(membership => membership.organization.id)).toEqual([org.id])
  })

  it('leaves without an error and without accepting while someone else is signed in (single-session)', async () => {
    const { server, org, link } = await bobInvited()
    const carol = await signUpTestUser(server, 'carol@example.com')
    openLink('/sign-in', link)
    const { clerk, navigations } = createTestClerk(server, { browser: carol.browser })
    const wrapper = await mountWithClerk(SignIn, clerk)
    await until(() => navigations.length > 0)
    await settle()
    expect(navigations).toEqual(['/'])
    expect(wrapper.find('[role="alert"] .portico-alert').exists()).toBe(false)
    const invitations = await org.getInvitations({ status: ['pending'] })
    expect(invitations.data.map(invitation => invitation.emailAddress)).toEqual(['bob@example.com'])
  })
})

describe('the ticket leaves the address once used', () => {
  it('after <SignIn> used it, keeping the rest of the query', async () => {
    const { server, link } = await invited('bob@example.com', 'org:member', { hasAccount: true })
    link.searchParams.set('from', 'mail')
    openLink('/sign-in', link)
    const { clerk, navigations } = createTestClerk(server)
    await mountWithClerk(SignIn, clerk)
    await until(() => navigations.length > 0)
    expect(`${window.location.pathname}${window.location.search}`).toBe('/sign-in?from=mail')
  })

  it('after <SignUp> took it, while the invited address stays fixed', async () => {
    const { server, link } = await invited('grace@example.com')
    openLink('/sign-up', link)
    const { clerk } = createTestClerk(server)
    const wrapper = await mountWithClerk(SignUp, clerk)
    await until(() => wrapper.find('input[name="password"]').exists())
    expect(window.location.search).toBe('')
    expect(wrapper.get('input[name="email_address"]').attributes('disabled')).toBeDefined()
  })

  it('through the app\'s vue-router when it has one', async () => {
    const { server, org, link } = await invited('bob@example.com', 'org:member', { hasAccount: true })
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { render: () => null } }] })
    void router.push(`/sign-in${link.search}&from=mail`)
    await router.isReady()
    const { clerk, navigations } = createTestClerk(server)
    await mountWithClerk(SignIn, clerk, { router, props: { path: '/sign-in' } })
    await until(() => navigations.length > 0)
    expect(router.currentRoute.value.path).toBe('/sign-in')
    expect(router.currentRoute.value.query).toEqual({ from: 'mail' })
    expect(clerk.user?.organizationMemberships.map(membership => membership.organization.id)).toEqual([org.id])
  })
})
