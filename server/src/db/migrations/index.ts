import type { Migration } from 'kysely'
import * as m0001 from './m0001_initial'
import * as m0002 from './m0002_organizations'
import * as m0003 from './m0003_second_factors'
import * as m0004 from './m0004_images'

/** Every migration, keyed by a name that sorts in the order they must run. Append only. */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_organizations': m0002,
  '0003_second_factors': m0003,
  '0004_images': m0004,
}
