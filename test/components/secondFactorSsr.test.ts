// @vitest-environment node
import type { Component } from 'vue'
import { describe, expect, it } from 'vitest'
import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { clerkPlugin } from '../../src'
import AuthenticatorPanel from '../../src/components/userProfile/security/AuthenticatorPanel.vue'
import BackupCodeList from '../../src/components/userProfile/security/BackupCodeList.vue'
import PhoneNumbersPanel from '../../src/components/userProfile/security/PhoneNumbersPanel.vue'
import QrCode from '../../src/components/userProfile/security/QrCode.vue'
import SecuritySection from '../../src/components/userProfile/security/SecuritySection.vue'
import { userSchema } from '../../src/contract'
import { User } from '../../src/core'
import { userJSON } from '../contract/fixtures/identity'
import { offlineContext, quietTokenCache } from '../core/clerk/clientStoreFixtures'

async function render(component: Component, props: Record<string, unknown>) {
  const requests: string[] = []
  const app = createSSRApp({ render: () => h(component, props) })
  app.use(clerkPlugin, {
    proxyUrl: 'http://localhost:4000',
    fetch: async (input) => {
      requests.push(String(input))
      return new Response('{}')
    },
  })
  return { html: await renderToString(app), requests }
}

const user = (overrides: Record<string, unknown> = {}) => new User(userSchema.parse({ ...userJSON(), ...overrides }), offlineContext(quietTokenCache()))

describe('server-side rendering of the security section', () => {
  it('draws a QR code as inline SVG (no image request, no inline style)', async () => {
    const { html, requests } = await render(QrCode, { value: 'otpauth://totp/Portico:ada?secret=JBSWY3DPEHPK3PXP', label: 'QR code' })
    // (the HTML parser restores the SVG attribute's case: `viewbox` becomes `viewBox`)
    expect(html).toMatch(/^<svg class="portico-qr" role="img" aria-label="QR code" viewbox="0 0 41 41"/i)
    expect(html).toMatch(/<path d="M4 4h7v1h-7z[^"]*" fill="#000">/)
    expect(html).not.toMatch(/style=|<img/)
    expect(requests).toEqual([])
  })

  it('lists backup codes without a download link until a browser can make the file', async () => {
    const { html } = await render(BackupCodeList, { codes: ['abcde23456', 'fghij67234'], applicationName: 'Portico' })
    expect(html).toContain('<code>abcde23456</code>')
    expect(html).toContain('<code>fghij67234</code>')
    expect(html).not.toContain('download=')
    expect(html).toContain('I have saved them')
  })

  it('renders the authenticator panel of an enrolled user with its remove button', async () => {
    const { html } = await render(AuthenticatorPanel, { user: user(), applicationName: 'Portico' })
    expect(html).toContain('<h3')
    expect(html).toContain('Remove authenticator app')
  })

  it('renders the authenticator panel of a user without one with its set-up button', async () => {
    const { html } = await render(AuthenticatorPanel, { user: user({ totp_enabled: false, two_factor_enabled: false }), applicationName: 'Portico' })
    expect(html).toContain('Set up an authenticator app')
  })

  it('renders phone numbers with their badges and a labelled tel field', async () => {
    const { html } = await render(PhoneNumbersPanel, { user: user(), secondFactor: true })
    expect(html).toContain('+15555550100')
    expect(html).toMatch(/<input[^>]*name="phone_number"[^>]*type="tel"[^>]*autocomplete="tel"/)
    expect(html).not.toMatch(/style=/)
  })

  it('renders no panel before the environment says which factors the instance offers', async () => {
    const { html } = await render(SecuritySection, { user: user() })
    expect(html).toContain('Two-step verification')
    expect(html).not.toContain('<h3')
  })
})
