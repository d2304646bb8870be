import type { ComputedRef, InjectionKey } from 'vue'
import type { Appearance, AppearanceElement } from '../appearance'
import { computed, inject, onMounted, provide, shallowRef } from 'vue'
import { useClerkContext } from '../../composables/useClerkContext'
import { mergeAppearance, variablesToStyle } from '../appearance'

/** Adds the `appearance.elements` classes of a named part. */
export type ElementClass = (name: AppearanceElement) => string | undefined

const appearanceKey: InjectionKey<ComputedRef<Appearance>> = Symbol('portico-appearance')

/**
 * Resolves the theme of a component root (plugin appearance under the `appearance` prop) and shares
 * it with the parts inside. The variables go on the root through the CSSOM once mounted, so
 * server-rendered HTML carries no `style` attribute a strict Content-Security-Policy would block.
 */
export function useAppearance(local: () => Appearance | undefined) {
  const { options } = useClerkContext('useAppearance')
  const appearance = computed(() => mergeAppearance(options.appearance as Appearance | undefined, local()))
  provide(appearanceKey, appearance)
  const mounted = shallowRef(false)
  onMounted(() => {
    mounted.value = true
  })
  const rootClass = computed(() => {
    const { baseTheme, elements } = appearance.value
    return ['portico-root', baseTheme === 'auto' ? '' : `portico-${baseTheme}`, elements?.root ?? '']
  })
  // bound with v-bind: no `style` attribute at all until mounted (not even an empty one)
  const rootStyle = computed(() => (mounted.value ? { style: variablesToStyle(appearance.value.variables) } : {}))
  // the root's own template reads its classes here (inject does not see what a component provides itself)
  const elementClass: ElementClass = name => appearance.value.elements?.[name]
  return { appearance, rootClass, rootStyle, elementClass }
}

/** The class lookup of the nearest component root, for the parts inside it. */
export function useElementClass(): ElementClass {
  const appearance = inject(appearanceKey, undefined)
  return name => appearance?.value.elements?.[name]
}
