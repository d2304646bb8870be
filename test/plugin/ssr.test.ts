import { describe, expect, it } from 'vitest'
// @vitest-environment node
import { createSSRApp, defineComponent, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { clerkPlugin, useAuth, useUser } from '../../src'

const Page = defineComponent({
  setup() {
    const { isLoaded, isSignedIn, userId, orgRole } = useAuth()
    const { isLoaded: userLoaded } = useUser()
    return () => h('p', !isLoaded.value
      ? 'loading'
      : isSignedIn.value
        ? `in:${userId.value}:${orgRole.value}:${userLoaded.value}`
        : `out:${userLoaded.value}`)
  },
})

function render(initialState?: Record<string, unknown>) {
  const requests: string[] = []
  const app = createSSRApp(Page).use(clerkPlugin, {
    proxyUrl: 'http://localhost:4000',
    fetch: async (input) => {
      requests.push(String(input))
      return new Response('{}')
    },
    initialState,
  })
  return { html: renderToString(app), requests }
}

describe('clerkPlugin during server-side rendering', () => {
  it('never calls the Frontend API', async () => {
    const { html, requests } = render()
    await html
    expect(requests).toEqual([])
  })

  it('renders the loading state without initialState', async () => {
    expect(await render().html).toBe('<p>loading</p>')
  })

  it('renders a signed-in user from initialState, with no signed-out flash', async () => {
    const html = await render({ userId: 'user_1', sessionId: 'sess_1', sessionClaims: { sub: 'user_1', sid: 'sess_1' }, orgId: null }).html
    expect(html).toBe('<p>in:user_1:null:false</p>')
  })

  it('reads the organization from the claims when the server passes only the token claims', async () => {
    const claims = { v: 2, sub: 'user_1', sid: 'sess_1', o: { id: 'org_1', slg: 'acme', rol: 'admin' } }
    expect(await render({ sessionClaims: claims }).html).toBe('<p>in:user_1:org:admin:false</p>')
  })

  it('resolves getToken() to null instead of waiting for a load that never comes', async () => {
    let token: Promise<string | null> | undefined
    const app = createSSRApp(defineComponent({
      setup() {
        token = useAuth().getToken.value()
        return () => h('p')
      },
    })).use(clerkPlugin, { proxyUrl: 'http://localhost:4000', initialState: { sessionClaims: { sub: 'user_1', sid: 'sess_1' } } })
    await renderToString(app)
    await expect(token).resolves.toBeNull()
  })

  it('rejects signOut() with a message instead of waiting', async () => {
    let signOut: Promise<void> | undefined
    const app = createSSRApp(defineComponent({
      setup() {
        signOut = useAuth().signOut.value()
        signOut.catch(() => {})
        return () => h('p')
      },
    })).use(clerkPlugin, { proxyUrl: 'http://localhost:4000' })
    await renderToString(app)
    await expect(signOut).rejects.toThrowError('[portico] signOut() can only run in the browser')
  })

  it('renders the signed-out state (user included) from a signed-out initialState', async () => {
    expect(await render({ userId: null, sessionId: null }).html).toBe('<p>out:true</p>')
  })
})
