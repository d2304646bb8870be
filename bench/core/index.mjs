// The SDK core figures (issue 4): bundle sizes, and getToken() dedupe and cached-call cost.
import { fileURLToPath } from 'node:url'
import { runJsonChild } from '../lib/children.mjs'
import { coreSizes } from './size.mjs'

const getTokenScript = fileURLToPath(new URL('./getToken.ts', import.meta.url))
const root = fileURLToPath(new URL('../..', import.meta.url))

/** Runs the core benchmark and returns `{ sizes, getToken, targets }`. */
export async function coreBench({ quick = false, log = () => {} } = {}) {
  const sizes = await coreSizes()
  for (const size of sizes)
    log(size.error ? `  ${size.name}: did not build (${size.error})` : `  ${size.name}: ${size.minBytes} B min, ${size.gzipBytes} B min+gzip`)
  // getToken.ts imports the TypeScript sources: tsx loads them
  const getToken = await runJsonChild(getTokenScript, { iterations: quick ? 50_000 : 500_000 }, { nodeArgs: ['--import', 'tsx'], cwd: root })
  log(`  1,000 concurrent getToken(): ${getToken.concurrent.fetches} fetch(es); cached call ${getToken.cached.nsPerCall} ns`)
  const targets = [
    { target: '1,000 concurrent getToken() calls make one request', measured: getToken.concurrent.fetches, goal: 1, pass: getToken.concurrent.fetches === 1 && getToken.concurrent.distinctTokens === 1 },
    { target: 'cached getToken() calls make no request', measured: getToken.cached.extraFetches, goal: 0, pass: getToken.cached.extraFetches === 0 },
  ]
  return { sizes, getToken, targets }
}
