import type { ShallowRef } from 'vue'
import type { Verification } from '../../core/resources/Verification'
import { shallowRef } from 'vue'

/** An email address or phone number: verified with a code sent to it. */
interface Contact {
  id: string
  verification: Verification
  attemptVerification: (params: { code: string }) => Promise<unknown>
}

/** What `useContactVerification` returns: the open code panel and `<CodeForm>`'s two actions. */
export interface ContactVerification<T extends Contact> {
  /** The contact whose code panel is open, `''` for none. */
  verifyingId: ShallowRef<string>
  /** The contact of that id as the user holds it now (each change replaces the list). */
  latest: (id: string) => T | undefined
  /** `<CodeForm>`'s `send`: a code sent a moment ago is still valid, so only "resend" asks for another one. */
  sendCode: (force: boolean) => Promise<void>
  /** `<CodeForm>`'s `attempt`: on success the panel closes and `onVerified` runs. */
  attemptCode: (code: string) => Promise<void>
}

/** The code verification of the user's email addresses or phone numbers, one open at a time. */
export function useContactVerification<T extends Contact>(options: {
  contacts: () => readonly T[]
  prepare: (contact: T) => Promise<unknown>
  onVerified: (contact: T) => void
}): ContactVerification<T> {
  const verifyingId = shallowRef('')
  const latest = (id: string): T | undefined => options.contacts().find(contact => contact.id === id)

  async function sendCode(force: boolean): Promise<void> {
    const contact = latest(verifyingId.value)
    const pending = contact?.verification
    if (!contact || (!force && pending?.status === 'unverified' && pending.expireAt && pending.expireAt.getTime() > Date.now()))
      return
    await options.prepare(contact)
  }

  async function attemptCode(code: string): Promise<void> {
    const contact = latest(verifyingId.value)
    if (!contact)
      return
    await contact.attemptVerification({ code })
    verifyingId.value = ''
    options.onVerified(contact)
  }

  return { verifyingId, latest, sendCode, attemptCode }
}
