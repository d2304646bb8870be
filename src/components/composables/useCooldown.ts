import type { ShallowRef } from 'vue'
import { onScopeDispose, shallowRef } from 'vue'

/** A countdown in whole seconds (for "resend code"): `remaining` is 0 when the action is allowed again. */
export interface Cooldown {
  remaining: ShallowRef<number>
  /** (Re)starts the countdown from `seconds`. */
  start: () => void
}

/** Counts down from `seconds` once per second after `start()`; the timer stops with the component. */
export function useCooldown(seconds: number): Cooldown {
  const remaining = shallowRef(0)
  let timer: ReturnType<typeof setInterval> | undefined
  const stop = (): void => {
    if (timer !== undefined)
      clearInterval(timer)
    timer = undefined
  }
  const start = (): void => {
    stop()
    remaining.value = seconds
    if (seconds <= 0)
      return
    timer = setInterval(() => {
      remaining.value -= 1
      if (remaining.value <= 0) {
        remaining.value = 0
        stop()
      }
    }, 1000)
  }
  onScopeDispose(stop)
  return { remaining, start }
}
