import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { useClerkReady } from '../../src'
import { createTestClerk, createTestServer } from '../helpers/createTestClerk'
import { mountWithPlugin } from '../helpers/mountWithPlugin'

describe('useClerkReady', () => {
  it('resolves with the Clerk object once it has loaded', async () => {
    const { clerk } = createTestClerk(await createTestServer())
    let ready!: Promise<unknown>
    mountWithPlugin(defineComponent({
      setup() {
        ready = useClerkReady()
        return () => h('p')
      },
    }), { clerk })
    expect(clerk.loaded).toBe(false)
    await expect(ready).resolves.toBe(clerk)
    expect(clerk.loaded).toBe(true)
  })
})
