import type { ResourceContext } from './ResourceContext'

/**
 * Base of every resource that talks to the Frontend API. The context is stored as a hidden,
 * non-enumerable property rather than a `#private` field: a framework may wrap resources in a
 * Proxy (Vue's `reactive`), and `#private` access through a Proxy throws.
 */
export abstract class BaseResource {
  /** The transport and token cache of the Clerk instance this resource belongs to. */
  declare protected readonly ctx: ResourceContext

  constructor(ctx: ResourceContext) {
    Object.defineProperty(this, 'ctx', { value: ctx, enumerable: false, writable: false })
  }
}
