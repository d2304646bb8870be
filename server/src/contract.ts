// The one door to the shared wire contract (src/contract): schemas, types, error codes, redirect checks.
export * from '../../src/contract/index'
