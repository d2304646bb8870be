import type { ComputedRef } from 'vue'
import { computed } from 'vue'

/** One `ComputedRef` per key of `T`; over a union, the keys all members share. */
export type ToComputedRefs<T> = { [K in keyof T]: ComputedRef<T[K]> }

/**
 * Splits a computed object into one computed per key, so the result can be destructured
 * without losing reactivity. Each key only notifies its readers when its own value changes.
 */
export function toComputedRefs<T extends object>(source: ComputedRef<T>): ToComputedRefs<T> {
  const refs = {} as ToComputedRefs<T>
  for (const key of Object.keys(source.value) as (keyof T)[])
    refs[key] = computed(() => source.value[key])
  return refs
}
