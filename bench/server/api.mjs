// A minimal FAPI caller for seeding: form bodies, an allowed Origin and a cookie jar, over node:http
// (fetch would not let us set Origin) on a connection of its own.
import { request } from 'node:http'

/** A browser-like caller of one portico-server: it keeps the `__client` cookie between calls. */
export function apiBrowser({ port, origin }) {
  const cookies = new Map()
  function send(method, path, form) {
    const body = form ? new URLSearchParams(form).toString() : undefined
    const headers = { origin }
    if (body !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded'
      headers['content-length'] = Buffer.byteLength(body)
    }
    if (cookies.size > 0)
      headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
        for (const line of res.headers['set-cookie'] ?? []) {
          const [pair] = line.split(';')
          const eq = pair.indexOf('=')
          cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim())
        }
        const chunks = []
        res.on('data', chunk => chunks.push(chunk))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString()
          if (res.statusCode !== 200)
            return reject(new Error(`${method} ${path}: ${res.statusCode} ${text.slice(0, 300)}`))
          resolve(JSON.parse(text))
        })
      })
      req.on('error', reject)
      req.end(body)
    })
  }
  return {
    cookies,
    get: path => send('GET', path),
    post: (path, form = {}) => send('POST', path, form),
    /** The `Cookie` header this browser would send. */
    cookieHeader: () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
  }
}

/**
 * Signs up `count` users through the public API (create, email code from the dev inbox, attempt), a few
 * at a time, and returns each one's email, session id and client cookie.
 */
export async function seedUsers({ port, origin, count, password, parallel = 4 }) {
  const inbox = apiBrowser({ port, origin })
  const users = []
  let next = 0
  async function one(i) {
    const browser = apiBrowser({ port, origin })
    const email = `bench-${i}-${Date.now()}@example.com`
    const created = await browser.post('/v1/client/sign_ups', { email_address: email, password })
    const id = created.response.id
    await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
    const { messages } = await inbox.get('/dev/inbox.json')
    const message = messages.findLast(m => m.to === email)
    if (!message?.code)
      throw new Error(`no code in the dev inbox for ${email}`)
    const attempted = await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code: message.code })
    if (attempted.response.status !== 'complete')
      throw new Error(`sign-up of ${email} ended ${attempted.response.status}`)
    users[i] = { email, sessionId: attempted.response.created_session_id, cookie: browser.cookieHeader() }
  }
  async function lane() {
    while (next < count)
      await one(next++)
  }
  await Promise.all(Array.from({ length: parallel }, lane))
  return users
}
