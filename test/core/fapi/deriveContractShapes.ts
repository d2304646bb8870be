import type { FapiContractName } from '../../../src/core/fapi/fapiContract'
import { CONTRACT_SCHEMAS } from '../../../src/core/fapi/contractSchema'

/** Dotted paths (`a.b`, `list[].c`, `record.*.d`) to the value zod puts there when it is absent. */
export type DefaultsSpec = Record<string, unknown>

/** What production builds must know of each contract, read off the zod schemas. */
export interface DerivedShapes {
  /** The defaults of every object that names itself (a required `object` literal or enum), by that name. */
  byObject: Record<string, DefaultsSpec>
  /** Per contract: the `object` values its root may carry, whether it needs a string `id`, and the defaults of a root that does not name itself. */
  roots: Record<FapiContractName, { objects: string[] | null, id: boolean, defaults: DefaultsSpec }>
}

interface ZodLike {
  _zod: {
    def: { type: string, [key: string]: any }
    optin?: string
    values?: Set<unknown>
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key
}

/** The `object` values an object schema requires, or null when it does not name itself. */
function objectNames(schema: ZodLike): string[] | null {
  const field = (schema._zod.def.shape as Record<string, ZodLike> | undefined)?.object
  if (!field || field._zod.optin === 'optional')
    return null
  const type = field._zod.def.type
  return type === 'literal' || type === 'enum' ? [...(field._zod.values ?? [])].map(String).sort() : null
}

/**
 * Walks the zod schemas the core reads answers with (`CONTRACT_SCHEMAS`) and lists what
 * `readContract`'s production path must reproduce without zod: which objects get which defaults.
 * Throws when two schemas give the same `object` different defaults (a table keyed by `object`
 * could not express that).
 */
export function deriveContractShapes(): DerivedShapes {
  const byObject: Record<string, DefaultsSpec> = {}

  function registerTyped(schema: ZodLike, names: string[]): void {
    const spec: DefaultsSpec = {}
    for (const [key, field] of Object.entries(schema._zod.def.shape as Record<string, ZodLike>))
      walk(field, key, spec)
    for (const name of names) {
      const known = byObject[name]
      if (known && JSON.stringify(known) !== JSON.stringify(spec))
        throw new Error(`"${name}" objects get different defaults from two schemas: ${JSON.stringify(known)} and ${JSON.stringify(spec)}`)
      byObject[name] = spec
    }
  }

  function walk(schema: ZodLike, path: string, spec: DefaultsSpec): void {
    const def = schema._zod.def
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'catch':
        walk(def.innerType, path, spec)
        break
      case 'default':
        spec[path] = def.defaultValue
        walk(def.innerType, path, spec)
        break
      case 'pipe':
        walk(def.in, path, spec)
        break
      case 'array':
        walk(def.element, `${path}[]`, spec)
        break
      case 'record':
        walk(def.valueType, join(path, '*'), spec)
        break
      case 'union':
        for (const option of def.options)
          walk(option, path, spec)
        break
      case 'object': {
        const names = objectNames(schema)
        if (names) {
          registerTyped(schema, names)
          break
        }
        for (const [key, field] of Object.entries(def.shape as Record<string, ZodLike>))
          walk(field, join(path, key), spec)
        break
      }
      default:
        break
    }
  }

  const roots = {} as DerivedShapes['roots']
  for (const [name, schema] of Object.entries(CONTRACT_SCHEMAS) as [FapiContractName, ZodLike][]) {
    const defaults: DefaultsSpec = {}
    walk(schema, '', defaults)
    const id = (schema._zod.def.shape as Record<string, ZodLike>).id
    roots[name] = {
      objects: objectNames(schema),
      id: Boolean(id && id._zod.optin !== 'optional' && id._zod.def.type === 'string'),
      defaults,
    }
  }
  return { byObject, roots }
}
