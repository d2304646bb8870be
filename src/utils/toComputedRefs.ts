import type { ComputedRef } from 'vue'
import { computed } from 'vue'

/**
 * One `ComputedRef` per key of `T`. Over a union of states it is one object whose refs hold the
 * union of each field's values (`ComputedRef<boolean>`, not `ComputedRef<false> | ComputedRef<true>`):
 * the `& string` keeps the mapped type from distributing over the union.
 */
export type ToComputedRefs<T> = { [K in keyof T & string]: ComputedRef<T[K]> }

/**
 * Splits a computed object into one computed per key, so the result can be destructured
 * without losing reactivity. Each key only notifies its readers when its own value changes.
 */
export function toComputedRefs<T extends object>(source: ComputedRef<T>): ToComputedRefs<T> {
  const refs = {} as ToComputedRefs<T>
  for (const key of Object.keys(source.value) as (keyof T & string)[])
    refs[key] = computed(() => source.value[key])
  return refs
}
