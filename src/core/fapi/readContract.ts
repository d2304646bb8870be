import type { FapiContract, FapiContractOutput } from './fapiContract'
import { parseContract } from '../../contract'
import { checkContractShape } from './checkContractShape'
import { contractSchema } from './contractSchema'

/**
 * Reads a FAPI answer as its contract says. Development builds (and tests) parse it with the zod
 * schema of src/contract, so any drift from the contract throws a `ClerkContractError` naming the
 * field. Production builds (`process.env.NODE_ENV === 'production'`, which every app bundler
 * defines) compile that branch out, and zod and the schemas with it: they check the outer shape
 * and fill in the schemas' defaults instead (`checkContractShape`).
 *
 * @throws {ClerkContractError} when the answer does not fit.
 */
export function readContract<C extends FapiContract>(contract: C, value: unknown, name: string): FapiContractOutput<C> {
  // written out in full (not through a constant) so that bundlers replace it and drop the other branch
  // eslint-disable-next-line node/prefer-global/process
  return (process.env.NODE_ENV !== 'production'
    ? parseContract(contractSchema(contract), value, name)
    : checkContractShape(contract, value, name)) as FapiContractOutput<C>
}
