// getToken() figures of the SDK's token cache (src/core/tokens), in a process of its own: how many
// requests 1,000 concurrent calls on a cold cache make (one is the goal), and what a call answered from
// the cache costs. The fetcher mints real RS256 session JWTs with jose after a short network-like
// delay, and counts how often it is called. Input: { iterations }; prints one JSON line.
import type { TokenFetchRequest } from '../../src/core/tokens'
import process from 'node:process'
import { setTimeout as sleep } from 'node:timers/promises'
import { generateKeyPair, SignJWT } from 'jose'
import { createTokenCache } from '../../src/core/tokens'

const CONCURRENT_CALLS = 1000
const SESSION_ID = 'sess_bench'

async function main({ iterations }: { iterations: number }) {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048 })
  let fetches = 0
  const fetchToken = async ({ sessionId }: TokenFetchRequest): Promise<string> => {
    fetches++
    await sleep(5)
    const iat = Math.floor(Date.now() / 1000)
    return new SignJWT({ sid: sessionId, sub: 'user_bench', iat, nbf: iat - 10, exp: iat + 60, v: 2 })
      .setProtectedHeader({ alg: 'RS256', kid: 'ins_bench', typ: 'JWT' })
      .sign(privateKey)
  }
  const cache = createTokenCache({ fetchToken })

  // a cold cache: every caller at once, before any token exists
  const jwts = await Promise.all(Array.from({ length: CONCURRENT_CALLS }, () => cache.getToken({ sessionId: SESSION_ID })))
  const concurrent = {
    calls: CONCURRENT_CALLS,
    fetches,
    distinctTokens: new Set(jwts).size,
    joins: cache.stats().joins,
  }

  // a warm cache: sequential awaited calls, best of three runs
  const perCall: number[] = []
  for (let run = 0; run < 3; run++) {
    const started = process.hrtime.bigint()
    for (let i = 0; i < iterations; i++)
      await cache.getToken({ sessionId: SESSION_ID })
    perCall.push(Number(process.hrtime.bigint() - started) / iterations)
  }
  // and the same number of calls issued at once, as a page full of components would
  const batch = Array.from({ length: CONCURRENT_CALLS })
  const started = process.hrtime.bigint()
  for (let i = 0; i < iterations / CONCURRENT_CALLS; i++)
    await Promise.all(batch.map(() => cache.getToken({ sessionId: SESSION_ID })))
  const batchedNs = Number(process.hrtime.bigint() - started) / iterations
  const fetchesAfterWarm = fetches
  cache.destroy()
  return {
    concurrent,
    cached: {
      iterations,
      nsPerCall: Math.round(Math.min(...perCall)),
      nsPerCallBatched: Math.round(batchedNs),
      // a cached call must never reach the network
      extraFetches: fetchesAfterWarm - concurrent.fetches,
    },
  }
}

main(JSON.parse(process.argv[2] ?? '{"iterations":200000}')).then(result => console.log(JSON.stringify(result)))
