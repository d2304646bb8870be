import { getCurrentScope, onScopeDispose } from 'vue'

/**
 * Registers `fn` to run when the current effect scope is disposed; does nothing outside a scope.
 * Returns whether it was registered, so callers can clean up by other means otherwise.
 */
export function tryOnScopeDispose(fn: () => void): boolean {
  if (!getCurrentScope())
    return false
  onScopeDispose(fn)
  return true
}
