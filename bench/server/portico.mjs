// Starts the real portico-server (the CLI, production mode, a throw-away SQLite file) in a process of
// its own, with a config that allows the benchmark's origin and keeps codes in the dev inbox for seeding.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { freePort, startServerChild } from '../lib/children.mjs'

const CLI = fileURLToPath(new URL('../../server/bin/portico-server.mjs', import.meta.url))

/** The page origin every benchmark request claims to come from. */
export const BENCH_ORIGIN = 'http://127.0.0.1:5173'

// the config file alone decides: no origin, URL or SMTP override leaks in from the caller's shell
function serverEnv() {
  const env = { ...process.env, NODE_ENV: 'production' }
  for (const name of ['PORTICO_ALLOWED_ORIGINS', 'PORTICO_PUBLIC_URL', 'SMTP_URL', 'PORT', 'DATABASE_URL'])
    delete env[name]
  return env
}

/**
 * Runs `portico-server serve` on a free loopback port; `nodeArgs` go to node (e.g. `--cpu-prof` or
 * `--perf-basic-prof` when profiling). Resolves `{ port, pid, stop }`; `stop()` ends the server and
 * deletes its database.
 */
export async function startPortico({ nodeArgs = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'portico-bench-'))
  const config = join(dir, 'config.json')
  writeFileSync(config, JSON.stringify({
    applicationName: 'Portico bench',
    instanceType: 'production',
    allowedOrigins: [BENCH_ORIGIN],
    // seeding reads the email codes here; no SMTP in a benchmark
    devInbox: true,
  }))
  const port = await freePort()
  const args = [...nodeArgs, CLI, 'serve', '--port', String(port), '--host', '127.0.0.1', '--db', `sqlite:${join(dir, 'bench.db')}`, '--config', config]
  const child = await startServerChild(args, {
    ready: /^portico-server production/,
    env: serverEnv(),
  })
  return {
    port,
    pid: child.pid,
    async stop() {
      await child.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
