// The raw argon2id hashing rate in a process of its own: @node-rs/argon2's async `hash` with the
// server's parameters (m = 19456 KiB, t = 2, p = 1), on libuv's thread pool as in the server.
// Input: { concurrency, count, timeLimitMs }.
import process from 'node:process'
import { hash } from '@node-rs/argon2'
import { runConcurrent } from '../lib/stats.mjs'

const params = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 }

async function main({ concurrency, count, timeLimitMs }) {
  const operation = () => hash('correct horse battery staple 42', params)
  await runConcurrent({ operation, concurrency, count: 8, timeLimitMs: 2000 })
  return runConcurrent({ operation, concurrency, count, timeLimitMs })
}

main(JSON.parse(process.argv[2])).then(result => console.log(JSON.stringify(result)))
