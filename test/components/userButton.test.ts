import { describe, expect, it } from 'vitest'
import UserButton from '../../src/components/UserButton.vue'
import { expectNoAxeViolations } from './axe'
import { signInWithSdk, withUsers } from './fixtures'
import { mountWithClerk, settle, until } from './mountWithClerk'

type Wrapper = Awaited<ReturnType<typeof mountWithClerk>>

async function signedIn(emails = ['ada@example.com'], config = {}) {
  const test = await withUsers(emails, config)
  for (const email of emails)
    await signInWithSdk(test.clerk, email)
  return test
}

const items = (wrapper: Wrapper) => wrapper.findAll('[role="menuitem"]')
// what a screen reader reads: the avatars are aria-hidden
const spoken = (element: Element) => [...element.childNodes].map(node => (node instanceof Element && node.getAttribute('aria-hidden') === 'true' ? '' : node.textContent ?? '')).join('').trim()
const labels = (wrapper: Wrapper) => items(wrapper).map(menuItem => spoken(menuItem.element))
const item = (wrapper: Wrapper, text: string | RegExp) => items(wrapper).find(candidate => (typeof text === 'string' ? spoken(candidate.element) === text : text.test(spoken(candidate.element))))!
const key = (wrapper: Wrapper, selector: string, name: string) => wrapper.get(selector).trigger('keydown', { key: name })

describe('<UserButton>', () => {
  it('renders nothing when signed out', async () => {
    const { clerk } = await withUsers()
    const wrapper = await mountWithClerk(UserButton, clerk)
    expect(wrapper.find('button').exists()).toBe(false)
  })

  it('shows the avatar initials and opens a menu with the name and email', async () => {
    const { clerk } = await signedIn(['ada@example.com'], { signUp: { firstName: 'optional', lastName: 'optional' } })
    await clerk.user!.update({ firstName: 'Ada', lastName: 'Lovelace' })
    const wrapper = await mountWithClerk(UserButton, clerk)
    const trigger = wrapper.get('button[aria-haspopup="menu"]')
    expect(trigger.attributes('aria-label')).toBe('Open the account menu of Ada Lovelace')
    expect(trigger.attributes('aria-expanded')).toBe('false')
    expect(trigger.text()).toBe('AL')
    await trigger.trigger('click', { detail: 1 })
    expect(trigger.attributes('aria-expanded')).toBe('true')
    expect(trigger.attributes('aria-controls')).toBe(wrapper.get('[role="menu"]').attributes('id'))
    expect(wrapper.findAll('.portico-popover-identity span').map(span => span.text())).toEqual(['Ada Lovelace', 'ada@example.com'])
    expect(labels(wrapper)).toEqual(['Manage account', 'Sign out'])
    await expectNoAxeViolations(wrapper.element)
  })

  it('is operable with the keyboard: arrows move, Escape closes and returns focus', async () => {
    const { clerk } = await signedIn()
    const wrapper = await mountWithClerk(UserButton, clerk)
    const trigger = wrapper.get('button[aria-haspopup="menu"]')
    ;(trigger.element as HTMLElement).focus()
    await key(wrapper, 'button[aria-haspopup="menu"]', 'ArrowDown')
    await settle()
    expect(document.activeElement).toBe(items(wrapper)[0]!.element)
    await key(wrapper, '.portico-popover', 'ArrowDown')
    expect(document.activeElement).toBe(items(wrapper)[1]!.element)
    await key(wrapper, '.portico-popover', 'ArrowDown')
    expect(document.activeElement).toBe(items(wrapper)[0]!.element)
    await key(wrapper, '.portico-popover', 'ArrowUp')
    expect(document.activeElement).toBe(items(wrapper)[1]!.element)
    await key(wrapper, '.portico-popover', 'Home')
    expect(document.activeElement).toBe(items(wrapper)[0]!.element)
    await key(wrapper, '.portico-popover', 'End')
    expect(document.activeElement).toBe(items(wrapper)[1]!.element)
    await key(wrapper, '.portico-popover', 'Escape')
    expect(wrapper.find('[role="menu"]').exists()).toBe(false)
    expect(document.activeElement).toBe(trigger.element)
  })

  it('opens on the last item with ArrowUp, and on the first with Enter (a click without a pointer)', async () => {
    const { clerk } = await signedIn()
    const wrapper = await mountWithClerk(UserButton, clerk)
    await key(wrapper, 'button[aria-haspopup="menu"]', 'ArrowUp')
    await settle()
    expect(document.activeElement?.textContent?.trim()).toBe('Sign out')
    await key(wrapper, '.portico-popover', 'Escape')
    await wrapper.get('button[aria-haspopup="menu"]').trigger('click', { detail: 0 })
    await settle()
    expect(document.activeElement?.textContent?.trim()).toBe('Manage account')
  })

  it('closes on Tab and on a click outside', async () => {
    const { clerk } = await signedIn()
    const wrapper = await mountWithClerk(UserButton, clerk)
    await wrapper.get('button[aria-haspopup="menu"]').trigger('click', { detail: 1 })
    await key(wrapper, '.portico-popover', 'Tab')
    expect(wrapper.find('[role="menu"]').exists()).toBe(false)
    await wrapper.get('button[aria-haspopup="menu"]').trigger('click', { detail: 1 })
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }))
    await settle()
    expect(wrapper.find('[role="menu"]').exists()).toBe(false)
  })

  it('signs out and leaves for the after-sign-out URL', async () => {
    const { clerk, navigations } = await signedIn()
    const wrapper = await mountWithClerk(UserButton, clerk, { props: { afterSignOutUrl: '/bye' } })
    await wrapper.get('button[aria-haspopup="menu"]').trigger('click', { detail: 1 })
    await item(wrapper, 'Sign out').trigger('click')
    await until(() => !clerk.isSignedIn)
    expect(navigations.at(-1)).toBe('/bye')
    await settle()
    expect(wrapper.find('button').exists()).toBe(false)
  })

  it('goes to the user profile with "Manage account"', async () => {
    const { clerk, navigations } = await signedIn()
    const wrapper = await mountWithClerk(UserButton, clerk, { props: { userProfileUrl: '/account' } })
    await wrapper.get('button[aria-haspopup="menu"]').trigger('click', { detail: 1 })
    await item(wrapper, 'Manage account').trigger('click')
    expect(navigations.at(-1)).toBe('/account')
    expect(wrapper.find('[role="menu"]').exists()).toBe(false)
  })

  it('adds class names from appearance.elements, the prop\'s after the plugin\'s', async () => {
    const { clerk } = await signedIn()
    const wrapper = await mountWithClerk(UserButton, clerk, {
      props: { appearance: { elements: { userButtonTrigger: 'mine' }, baseTheme: 'dark' } },
      plugin: { appearance: { elements: { userButtonTrigger: 'global', root: 'app-root' } } },
    })
    expect(wrapper.get('button').classes()).toEqual(expect.arrayContaining(['global', 'mine']))
    expect(wrapper.classes()).toEqual(expect.arrayContaining(['portico-root', 'portico-dark', 'app-root']))
  })
})

describe('<UserButton> in multi-session mode', () => {
  const multi = { sessionMode: 'multi' as const }

  it('lists the other accounts and switches to one', async () => {
    const { clerk } = await signedIn(['ada@example.com', 'bob@example.com'], multi)
    const wrapper = await mountWithClerk(UserButton, clerk)
    await wrapper.get('button[aria-haspopup="menu"]').trigger('click', { detail: 1 })
    expect(labels(wrapper)).toEqual(['Manage account', 'Sign out', 'Switch to ada@example.com', 'Add account', 'Sign out of all accounts'])
    await expectNoAxeViolations(wrapper.element)
    await item(wrapper, /^Switch to/).trigger('click')
    await until(() => clerk.user?.primaryEmailAddress?.emailAddress === 'ada@example.com')
    await settle()
    expect(wrapper.get('button').attributes('aria-label')).toBe('Open the account menu of ada@example.com')
  })

  it('signs out of the current account only, keeping the other one', async () => {
    const { clerk } = await signedIn(['ada@example.com', 'bob@example.com'], multi)
    const wrapper = await mountWithClerk(UserButton, clerk)
    await wrapper.get('button[aria-haspopup="menu"]').trigger('click', { detail: 1 })
    await item(wrapper, 'Sign out').trigger('click')
    await until(() => clerk.user?.primaryEmailAddress?.emailAddress === 'ada@example.com')
    expect(clerk.client!.signedInSessions).toHaveLength(1)
  })

  it('signs out of every account', async () => {
    const { clerk } = await signedIn(['ada@example.com', 'bob@example.com'], multi)
    const wrapper = await mountWithClerk(UserButton, clerk)
    await wrapper.get('button[aria-haspopup="menu"]').trigger('click', { detail: 1 })
    await item(wrapper, 'Sign out of all accounts').trigger('click')
    await until(() => clerk.client!.signedInSessions.length === 0)
    expect(clerk.isSignedIn).toBe(false)
  })

  it('goes to the sign-in page to add an account', async () => {
    const { clerk, navigations } = await signedIn(['ada@example.com'], multi)
    const wrapper = await mountWithClerk(UserButton, clerk, { props: { signInUrl: '/sign-in' } })
    await wrapper.get('button[aria-haspopup="menu"]').trigger('click', { detail: 1 })
    await item(wrapper, 'Add account').trigger('click')
    expect(navigations.at(-1)).toBe('/sign-in')
  })
})
