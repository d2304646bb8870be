interface InboxMessage {
  id: string
  to: string
  subject: string
  code: string | null
}

/** Reads the dev inbox of a running playground, one new code at a time. */
export interface DevInbox {
  /** Runs `trigger` (the click that sends a code) and resolves with the code of the message to `to` it produced. */
  codeFrom: (to: string, trigger: () => Promise<unknown>) => Promise<string>
  /** Every message the inbox holds, oldest first. */
  messages: () => Promise<InboxMessage[]>
}

/** The dev inbox behind `${appUrl}/__clerk/dev/inbox.json`, polled until the awaited mail arrives (30 s at most). */
export function createDevInbox(appUrl: string, timeoutMs = 30_000): DevInbox {
  async function messages(): Promise<InboxMessage[]> {
    const res = await fetch(`${appUrl}/__clerk/dev/inbox.json`)
    if (!res.ok)
      throw new Error(`the dev inbox answered ${res.status}`)
    return ((await res.json()) as { messages: InboxMessage[] }).messages
  }

  async function codeFrom(to: string, trigger: () => Promise<unknown>): Promise<string> {
    const before = new Set((await messages()).map(message => message.id))
    await trigger()
    const deadline = Date.now() + timeoutMs
    while (true) {
      const fresh = (await messages()).filter(message => !before.has(message.id) && message.to === to && message.code)
      if (fresh.length > 0)
        return fresh.at(-1)!.code!
      if (Date.now() > deadline)
        throw new Error(`no new code for ${to} reached the dev inbox within ${timeoutMs / 1000} s`)
      await new Promise(resolve => setTimeout(resolve, 200))
    }
  }

  return { codeFrom, messages }
}
