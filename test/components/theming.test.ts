import { describe, expect, it } from 'vitest'
import { h } from 'vue'
import SignIn from '../../src/components/SignIn.vue'
import { expectNoAxeViolations } from './axe'
import { withUsers } from './fixtures'
import { mountWithClerk, until } from './mountWithClerk'

describe('appearance', () => {
  it('sets the variables as custom properties on the root, the prop\'s over the plugin\'s', async () => {
    const { clerk } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk, {
      plugin: { appearance: { variables: { colorPrimary: 'rebeccapurple', borderRadius: '2px' } } },
      props: { appearance: { variables: { borderRadius: '0' } } },
    })
    const style = (wrapper.element as HTMLElement).style
    expect(style.getPropertyValue('--portico-color-primary')).toBe('rebeccapurple')
    expect(style.getPropertyValue('--portico-border-radius')).toBe('0')
  })

  it('switches the base theme with a class', async () => {
    const { clerk } = await withUsers()
    const dark = await mountWithClerk(SignIn, clerk, { props: { appearance: { baseTheme: 'dark' } } })
    expect(dark.classes()).toEqual(['portico-root', 'portico-dark'])
  })

  it('adds appearance.elements classes to the named parts', async () => {
    const { clerk } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk, {
      props: { appearance: { elements: { card: 'my-card', formButtonPrimary: 'btn btn-primary', formFieldInput: 'input', headerTitle: 'title' } } },
    })
    expect(wrapper.get('section').classes()).toContain('my-card')
    expect(wrapper.get('button[type="submit"]').classes()).toEqual(expect.arrayContaining(['btn', 'btn-primary']))
    expect(wrapper.get('input[name="identifier"]').classes()).toContain('input')
    expect(wrapper.get('h1').classes()).toContain('title')
  })

  it('renders the header and footer slots', async () => {
    const { clerk } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk, {
      slots: { header: () => h('img', { src: '/logo.svg', alt: 'Acme' }), footer: () => h('p', 'Need help?') },
    })
    expect(wrapper.get('section > img').attributes('alt')).toBe('Acme')
    expect(wrapper.get('footer').text()).toContain('Need help?')
  })
})

describe('localization', () => {
  it('takes strings and error messages from the plugin\'s localization option', async () => {
    const { clerk } = await withUsers()
    const wrapper = await mountWithClerk(SignIn, clerk, {
      plugin: {
        localization: {
          signIn: { start: { title: 'Bon retour', subtitle: 'sur {applicationName}' } },
          common: { continue: 'Continuer' },
          errors: { form_identifier_not_found: 'Aucun compte pour cet identifiant.' },
        },
      },
    })
    expect(wrapper.get('h1').text()).toBe('Bon retour')
    expect(wrapper.get('.portico-subtitle').text()).toBe('sur Portico')
    expect(wrapper.get('button[type="submit"]').text()).toBe('Continuer')
    expect(wrapper.get('.portico-footer').text()).toContain('Don’t have an account?')
    await wrapper.get('input[name="identifier"]').setValue('nobody@example.com')
    await wrapper.get('form').trigger('submit')
    await until(() => wrapper.get('.portico-field-error').text() === 'Aucun compte pour cet identifiant.')
  })
})

describe('the axe helper', () => {
  it('does report violations (so the components\' clean reports mean something)', async () => {
    const div = document.createElement('div')
    div.innerHTML = '<input type="text"><button></button>'
    document.body.appendChild(div)
    await expect(expectNoAxeViolations(div)).rejects.toThrow(/label|button-name/)
  })
})
