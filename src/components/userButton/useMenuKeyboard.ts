import type { ShallowRef } from 'vue'
import { nextTick } from 'vue'

/** Keyboard handling of a menu button (WAI-ARIA menu button pattern). */
export interface MenuKeyboard {
  /** On the trigger: ArrowDown/ArrowUp open the menu on the first/last item. */
  onTriggerKeydown: (event: KeyboardEvent) => void
  /** In the menu: arrows, Home and End move, Escape closes and returns focus, Tab closes. */
  onMenuKeydown: (event: KeyboardEvent) => void
  /** Focuses the first (or last) item once the menu is rendered. */
  focusItem: (which: 'first' | 'last') => Promise<void>
}

/** Moves focus between the `[role="menuitem"]` elements inside `menu`. */
export function useMenuKeyboard(options: {
  menu: Readonly<ShallowRef<HTMLElement | null>>
  trigger: Readonly<ShallowRef<HTMLElement | null>>
  open: (value: boolean) => void
}): MenuKeyboard {
  const { menu, trigger, open } = options
  const items = (): HTMLElement[] => [...(menu.value?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])]

  const focusItem = async (which: 'first' | 'last'): Promise<void> => {
    await nextTick()
    const all = items()
    all[which === 'first' ? 0 : all.length - 1]?.focus()
  }

  const onTriggerKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')
      return
    event.preventDefault()
    open(true)
    void focusItem(event.key === 'ArrowDown' ? 'first' : 'last')
  }

  const onMenuKeydown = (event: KeyboardEvent): void => {
    const all = items()
    const index = all.indexOf(document.activeElement as HTMLElement)
    const move = (to: number): void => {
      event.preventDefault()
      all[(to + all.length) % all.length]?.focus()
    }
    switch (event.key) {
      case 'ArrowDown':
        return move(index + 1)
      case 'ArrowUp':
        return move(index < 0 ? -1 : index - 1)
      case 'Home':
        return move(0)
      case 'End':
        return move(-1)
      case 'Escape':
        event.preventDefault()
        open(false)
        trigger.value?.focus()
        return
      case 'Tab':
        open(false)
    }
  }

  return { onTriggerKeydown, onMenuKeydown, focusItem }
}
