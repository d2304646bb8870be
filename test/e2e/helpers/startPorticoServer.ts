import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getFreePort } from './getFreePort'

export interface PorticoServerHandle {
  url: string
  port: number
  dbUrl: string
  /** Everything the process printed, for assertions and failure messages. */
  output: () => string
  stop: () => Promise<void>
}

export interface StartPorticoServerOptions {
  /** Extra environment (e.g. PORTICO_ALLOWED_ORIGINS). */
  env?: Record<string, string>
  /** Database URL; a fresh SQLite file in a temp folder by default. */
  dbUrl?: string
  args?: string[]
}

/** Runs the real `portico-server serve` CLI on a free loopback port and waits for its health check. */
export async function startPorticoServer(options: StartPorticoServerOptions = {}): Promise<PorticoServerHandle> {
  const port = await getFreePort()
  const dbUrl = options.dbUrl ?? `sqlite:${join(mkdtempSync(join(tmpdir(), 'portico-e2e-')), 'e2e.db')}`
  let output = ''
  const child: ChildProcess = spawn(
    process.execPath,
    ['server/bin/portico-server.mjs', 'serve', '--port', String(port), '--db', dbUrl, ...(options.args ?? [])],
    { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  child.stdout?.on('data', chunk => (output += chunk))
  child.stderr?.on('data', chunk => (output += chunk))
  const url = `http://127.0.0.1:${port}`

  const deadline = Date.now() + 30_000
  while (true) {
    if (child.exitCode !== null)
      throw new Error(`portico-server exited with ${child.exitCode}:\n${output}`)
    try {
      const res = await fetch(`${url}/v1/health`)
      if (res.ok)
        break
    }
    catch {}
    if (Date.now() > deadline)
      throw new Error(`portico-server did not become healthy in 30 s:\n${output}`)
    await new Promise(resolve => setTimeout(resolve, 100))
  }

  return {
    url,
    port,
    dbUrl,
    output: () => output,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null)
        return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    }),
  }
}
