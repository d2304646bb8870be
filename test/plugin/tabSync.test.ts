import { flushPromises } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { createApp } from 'vue'
import { clerkPlugin } from '../../src'
import { useClerkContext } from '../../src/composables/useClerkContext'
import { createTestServer, PROXY_URL } from '../helpers/createTestClerk'

describe('clerkPlugin tabSync', () => {
  it('reaches the Clerk object the plugin creates: the tabs talk on the channel named there', async () => {
    const server = await createTestServer()
    const opened: string[] = []
    class RecordingChannel extends BroadcastChannel {
      constructor(name: string) {
        super(name)
        opened.push(name)
      }
    }
    const app = createApp({ render: () => null })
      .use(createPinia())
      .use(clerkPlugin, { proxyUrl: PROXY_URL, fetch: server.browser().fetch, tabSync: { BroadcastChannel: RecordingChannel, channelName: 'my-app:client' } })
    app.mount(document.createElement('div'))
    await app.runWithContext(() => useClerkContext('test').ready)
    await flushPromises()
    expect(opened).toEqual(['my-app:client'])
    app.unmount()
  })
})
