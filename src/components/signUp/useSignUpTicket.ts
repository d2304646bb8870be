import type { ComputedRef, Ref, ShallowRef } from 'vue'
import type { SignUpResource } from '../../types'
import { computed, shallowRef, watch } from 'vue'
import { useClerk } from '../../composables/useClerk'
import { ticketPageUrl } from '../composables/ticketPageUrl'
import { usePageTicket } from '../composables/usePageTicket'

/** Options of `useSignUpTicket`. */
export interface UseSignUpTicketOptions {
  isLoaded: Readonly<Ref<boolean>>
  signUp: ComputedRef<SignUpResource | undefined>
  /** Continues after the ticket's sign-up (the end of the flow when it is already complete). */
  advance: (signUp: SignUpResource) => Promise<void>
  /** Leave the ticket alone, e.g. when the page is about to leave because someone is signed in. */
  skip: () => boolean
  /** The component's `signInUrl` prop: where a `__clerk_status=sign_in` link goes. */
  signInUrl: () => string | undefined
}

/** Where `<SignUp>` stands with the invitation ticket of its page. */
export interface SignUpTicketState {
  /** True from the start until the ticket's sign-up answered (only when the page has a ticket). */
  pending: Readonly<ShallowRef<boolean>>
  /** Why the ticket did not work (a Clerk API error), shown above the form. */
  error: Readonly<ShallowRef<unknown>>
  /** True while the client's sign-up is the ticket's and still waits for fields: the email is fixed. */
  active: ComputedRef<boolean>
}

/**
 * Clerk's invitation sign-up: a page opened from an invitation link (`?__clerk_ticket=…`) starts the
 * sign-up with `{ strategy: 'ticket', ticket }` once Clerk has loaded. The invited address then comes
 * verified, so the form shows it fixed and no code is asked for; without other required fields the
 * sign-up is already complete. A link meant for an existing account (`__clerk_status=sign_in`) goes to
 * the sign-in page with its ticket instead, even when someone is signed in (the sign-in page knows what
 * to do then). The ticket leaves the address once the sign-up has taken it.
 */
export function useSignUpTicket(options: UseSignUpTicketOptions): SignUpTicketState {
  const clerk = useClerk()
  const { link, forget } = usePageTicket()
  const pending = shallowRef(link !== null)
  const error = shallowRef<unknown>()
  const signUpId = shallowRef<string | null>(null)
  const active = computed(() => {
    const current = options.signUp.value
    return signUpId.value !== null && current?.id === signUpId.value && current.status === 'missing_requirements'
  })

  async function start(ticket: string): Promise<void> {
    const signUp = options.signUp.value
    try {
      if (!signUp || options.skip())
        return
      const next = await signUp.create({ strategy: 'ticket', ticket })
      signUpId.value = next.id
      await forget()
      if (next.status === 'complete')
        await options.advance(next)
    }
    catch (thrown) {
      error.value = thrown
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
      if (link.status === 'sign_in')
        void clerk.value.navigate(ticketPageUrl(clerk.value, 'signIn', link.ticket, options.signInUrl()), { replace: true })
      else
        void start(link.ticket)
    }, { immediate: true })
  }
  return { pending, error, active }
}
