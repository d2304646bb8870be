import type { ShallowRef, WatchSource } from 'vue'
import type { MenuKeyboard } from './useMenuKeyboard'
import { onBeforeUnmount, onMounted, shallowRef, useId, watch } from 'vue'
import { useMenuKeyboard } from './useMenuKeyboard'

/** What `useMenuButton` returns: the open state and the handlers of a menu button. */
export interface MenuButton extends MenuKeyboard {
  /** The `id` of the menu (`aria-controls` of the trigger). */
  menuId: string
  isOpen: ShallowRef<boolean>
  /** True once the menu has been open (what it lists can load then, not before). */
  opened: ShallowRef<boolean>
  setOpen: (value: boolean) => void
  /** The trigger's click: a keyboard activation (Enter/Space, a click with no pointer) focuses the first item. */
  toggle: (event: MouseEvent) => void
  /** Closes the menu, gives the focus back to the trigger, then runs the chosen item's `action`. */
  run: (action: () => Promise<unknown>) => Promise<void>
}

type ElementRef = Readonly<ShallowRef<HTMLElement | null>>

/**
 * A button that opens a menu of actions (WAI-ARIA menu button): the state and behaviour
 * `<UserButton>` and `<OrganizationSwitcher>` share. The menu opens on mount with `defaultOpen`
 * and closes when `closeOn` changes (another user or organization: it would describe someone else).
 */
export function useMenuButton(options: {
  /** Around the trigger and the menu: a pointer down outside it closes the menu. */
  root: ElementRef
  trigger: ElementRef
  /** The `role="menu"` list. */
  menu: ElementRef
  defaultOpen: () => boolean | undefined
  closeOn: WatchSource
}): MenuButton {
  const { root, trigger, menu } = options
  const menuId = useId()
  const isOpen = shallowRef(false)
  const opened = shallowRef(false)
  function setOpen(value: boolean): void {
    isOpen.value = value
    opened.value ||= value
  }
  const keyboard = useMenuKeyboard({ menu, trigger, open: setOpen })

  function toggle(event: MouseEvent): void {
    setOpen(!isOpen.value)
    if (isOpen.value && event.detail === 0)
      void keyboard.focusItem('first')
  }

  async function run(action: () => Promise<unknown>): Promise<void> {
    setOpen(false)
    trigger.value?.focus()
    await action()
  }

  function onPointerDown(event: PointerEvent): void {
    if (root.value && !root.value.contains(event.target as Node))
      setOpen(false)
  }
  onMounted(() => {
    document.addEventListener('pointerdown', onPointerDown)
    if (options.defaultOpen())
      setOpen(true)
  })
  onBeforeUnmount(() => document.removeEventListener('pointerdown', onPointerDown))
  watch(options.closeOn, () => setOpen(false))

  return { menuId, isOpen, opened, setOpen, toggle, run, ...keyboard }
}
