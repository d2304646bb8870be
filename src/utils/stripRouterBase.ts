/**
 * Turns a same-origin path (`/app/sign-in?x=1`) into a location for a router whose history has
 * `base` (`/app`): the router adds the base itself, so it must not be passed in twice.
 */
export function stripRouterBase(path: string, base: string | undefined): string {
  const prefix = (base ?? '').replace(/\/+$/, '')
  if (!prefix || !path.startsWith(prefix))
    return path
  const rest = path.slice(prefix.length)
  if (rest === '' || /^[/?#]/.test(rest))
    return rest.startsWith('/') ? rest : `/${rest}`
  return path
}
