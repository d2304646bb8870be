import type { ComputedRef, Ref, ShallowRef } from 'vue'
import type { SignInResource } from '../../types'
import { shallowRef, watch } from 'vue'
import { useClerk } from '../../composables/useClerk'
import { isClerkAPIResponseError } from '../../core/errors'
import { ticketPageUrl } from '../composables/ticketPageUrl'
import { usePageTicket } from '../composables/usePageTicket'

/** Options of `useSignInTicket`. */
export interface UseSignInTicketOptions {
  isLoaded: Readonly<Ref<boolean>>
  signIn: ComputedRef<SignInResource | undefined>
  /** Continues after the ticket's sign-in: the end of the flow, or its second factor. */
  advance: (signIn: SignInResource) => Promise<void>
  /** Makes a session active and leaves. */
  finish: (sessionId: string) => Promise<void>
  /**
   * True when someone is signed in and the page leaves (single-session mode). The ticket is still tried
   * (it may be theirs); when it is not, no error is shown: the page leaves once `pending` is false.
   */
  signedIn: () => boolean
  /** The component's `signUpUrl` prop: where a `__clerk_status=sign_up` link goes. */
  signUpUrl: () => string | undefined
}

/** Where `<SignIn>` stands with the invitation ticket of its page. */
export interface SignInTicketState {
  /**
   * True from the start until the ticket's sign-in answered (only when the page has a ticket), and for
   * good when the link goes to the sign-up page: the page waits with anything else until it is false.
   */
  pending: Readonly<ShallowRef<boolean>>
  /** Why the ticket did not work (a Clerk API error), shown on the first step. */
  error: Readonly<ShallowRef<unknown>>
}

/**
 * Clerk's invitation sign-in: a page opened from an invitation link (`?__clerk_ticket=…`) signs the
 * invitee in with `{ strategy: 'ticket', ticket }` once Clerk has loaded, which also accepts the
 * invitation; a user with a second factor is asked for it next. A link meant for sign-up
 * (`__clerk_status=sign_up`) goes to the sign-up page with its ticket instead. When the invitee is
 * already signed in on this device, the server accepts the invitation for that account and the page
 * switches to it; with someone else signed in (single-session mode) the page leaves as usual once
 * `pending` is false. The ticket leaves the address once used.
 */
export function useSignInTicket(options: UseSignInTicketOptions): SignInTicketState {
  const clerk = useClerk()
  const { link, forget } = usePageTicket()
  const pending = shallowRef(link !== null)
  const error = shallowRef<unknown>()

  async function start(ticket: string): Promise<void> {
    const signIn = options.signIn.value
    if (!signIn) {
      pending.value = false
      return
    }
    const signedIn = options.signedIn()
    try {
      const next = await signIn.create({ strategy: 'ticket', ticket })
      await forget()
      await options.advance(next)
    }
    catch (thrown) {
      const first = isClerkAPIResponseError(thrown) ? thrown.errors[0] : undefined
      if (first?.code === 'identifier_already_signed_in' && first.meta?.sessionId) {
        // the invitation was accepted for the account signed in here: switch to it
        await forget()
        await options.finish(first.meta.sessionId).catch((failed: unknown) => void (error.value = failed))
      }
      else if (!signedIn) {
        error.value = thrown
      }
    }
    finally {
      pending.value = false
    }
  }

  if (link) {
    let started = false
    watch(options.isLoaded, (loaded) => {
      if (!loaded || started)
        return
      started = true
      // pending stays true: the page shows its busy card until it has left
      if (link.status === 'sign_up')
        void clerk.value.navigate(ticketPageUrl(clerk.value, 'signUp', link.ticket, options.signUpUrl()), { replace: true })
      else
        void start(link.ticket)
    }, { immediate: true })
  }
  return { pending, error }
}
