// The raw RS256 signing rate in a process of its own: jose's async `SignJWT.sign` (WebCrypto, which
// signs on libuv's thread pool and so uses every core, as the server does) with a 2048-bit key, the
// server's key size, and claims shaped like a session token. Input: { concurrency, count, timeLimitMs }.
import process from 'node:process'
import { generateKeyPair, SignJWT } from 'jose'
import { runConcurrent } from '../lib/stats.mjs'

async function main({ concurrency, count, timeLimitMs }) {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048 })
  const sign = () => {
    const iat = Math.floor(Date.now() / 1000)
    return new SignJWT({
      azp: 'http://127.0.0.1:5173',
      exp: iat + 60,
      fva: [0, -1],
      iat,
      iss: 'http://localhost:4000',
      nbf: iat - 10,
      sid: 'sess_2xVbq0Yk3kQ2JmHq1r9lKp4TzAa',
      sts: 'active',
      sub: 'user_2xVbq0Yk3kQ2JmHq1r9lKp4TzAb',
      v: 2,
    }).setProtectedHeader({ alg: 'RS256', kid: 'ins_2xVbq0Yk3kQ2JmHq1r9lKp4TzAc', typ: 'JWT' }).sign(privateKey)
  }
  // warm up the JIT and the thread pool before timing
  await runConcurrent({ operation: sign, concurrency, count: 200, timeLimitMs: 2000 })
  return runConcurrent({ operation: sign, concurrency, count, timeLimitMs })
}

main(JSON.parse(process.argv[2])).then(result => console.log(JSON.stringify(result)))
