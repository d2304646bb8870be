import { describe, expect, it } from 'vitest'
import { createDevBrowser } from '../../../src/core/fapi/devBrowser'

function counter() {
  let created = 0
  return {
    create: async () => `dvb_${++created}`,
    get created() {
      return created
    },
  }
}

describe('createDevBrowser', () => {
  it('creates a token on first use and keeps it', async () => {
    const source = counter()
    const devBrowser = createDevBrowser(source.create)
    expect([await devBrowser.ensure(), await devBrowser.ensure(), source.created]).toEqual(['dvb_1', 'dvb_1', 1])
  })

  it('shares one creation between concurrent callers', async () => {
    const source = counter()
    const devBrowser = createDevBrowser(source.create)
    expect(await Promise.all([devBrowser.ensure(), devBrowser.ensure()])).toEqual(['dvb_1', 'dvb_1'])
    expect(source.created).toBe(1)
  })

  it('replaces a stale token on refresh', async () => {
    const devBrowser = createDevBrowser(counter().create)
    const stale = await devBrowser.ensure()
    expect(await devBrowser.refresh(stale)).toBe('dvb_2')
  })

  it('keeps a token another request already refreshed', async () => {
    const devBrowser = createDevBrowser(counter().create)
    const stale = await devBrowser.ensure()
    devBrowser.setToken('dvb_rotated')
    expect(await devBrowser.refresh(stale)).toBe('dvb_rotated')
  })

  it('reads and writes through a custom store', async () => {
    const saved: (string | null)[] = []
    const devBrowser = createDevBrowser(counter().create, {
      getToken: () => saved.at(-1),
      setToken: token => saved.push(token),
    })
    await devBrowser.ensure()
    devBrowser.setToken(null)
    expect([saved, devBrowser.getToken()]).toEqual([['dvb_1', null], undefined])
  })
})
