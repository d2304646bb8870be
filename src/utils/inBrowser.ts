/** True in a browser (or a DOM test environment); false during server-side rendering. */
export function inBrowser(): boolean {
  return typeof window !== 'undefined' && typeof document !== 'undefined'
}
