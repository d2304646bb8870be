import type { ComputedRef, Ref, ShallowRef } from 'vue'
import type { SignInResource } from '../../types'
import { shallowRef, watch } from 'vue'
import { isClerkAPIResponseError } from '../../core/errors'
import { pageTicket } from '../composables/pageTicket'

/** Options of `useSignInTicket`. */
export interface UseSignInTicketOptions {
  isLoaded: Readonly<Ref<boolean>>
  signIn: ComputedRef<SignInResource | undefined>
  /** Continues after the ticket's sign-in: the end of the flow, or its second factor. */
  advance: (signIn: SignInResource) => Promise<void>
  /** Makes a session active and leaves. */
  finish: (sessionId: string) => Promise<void>
  /** Leave the ticket alone, e.g. when the page is about to leave because someone is signed in. */
  skip: () => boolean
}

/** Where `<SignIn>` stands with the invitation ticket of its page. */
export interface SignInTicketState {
  /** True from the start until the ticket's sign-in answered (only when the page has a ticket). */
  pending: Readonly<ShallowRef<boolean>>
  /** Why the ticket did not work (a Clerk API error), shown on the first step. */
  error: Readonly<ShallowRef<unknown>>
}

/**
 * Clerk's invitation sign-in: a page opened from an invitation link (`?__clerk_ticket=…`) signs the
 * invitee in with `{ strategy: 'ticket', ticket }` once Clerk has loaded, which also accepts the
 * invitation; a user with a second factor is asked for it next. An account already signed in on
 * this device is switched to instead.
 */
export function useSignInTicket(options: UseSignInTicketOptions): SignInTicketState {
  const link = pageTicket()
  const pending = shallowRef(link !== null)
  const error = shallowRef<unknown>()

  async function start(ticket: string): Promise<void> {
    const signIn = options.signIn.value
    try {
      if (!signIn || options.skip())
        return
      await options.advance(await signIn.create({ strategy: 'ticket', ticket }))
    }
    catch (thrown) {
      const existing = isClerkAPIResponseError(thrown) ? thrown.errors[0] : undefined
      if (existing?.code === 'identifier_already_signed_in' && existing.meta?.sessionId)
        await options.finish(existing.meta.sessionId).catch((failed: unknown) => void (error.value = failed))
      else
        error.value = thrown
    }
    finally {
      pending.value = false
    }
  }

  if (link) {
    let started = false
    watch(options.isLoaded, (loaded) => {
      if (loaded && !started) {
        started = true
        void start(link.ticket)
      }
    }, { immediate: true })
  }
  return { pending, error }
}
