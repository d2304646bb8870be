import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getFreePort } from './getFreePort'

export interface StartDevStackOptions {
  /** The database to run on, e.g. a previous stack's `dbUrl` to restart on it; a fresh SQLite file by default. */
  dbUrl?: string
}

export interface DevStackHandle {
  /** The playground's URL, e.g. `http://127.0.0.1:41234`. */
  url: string
  /** portico-server's own URL (the playground reaches it through `${url}/__clerk`). */
  serverUrl: string
  dbUrl: string
  /** Everything `npm run dev` printed, for assertions and failure messages. */
  output: () => string
  /**
   * Stops the stack and resolves once `npm run dev` exited. `SIGTERM` (default) goes to dev.mjs,
   * which passes it on; `SIGINT` goes to the whole process group, as Ctrl-C in a terminal does.
   */
  stop: (signal?: 'SIGTERM' | 'SIGINT') => Promise<void>
}

async function waitFor(what: string, url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (true) {
    if (child.exitCode !== null)
      throw new Error(`npm run dev exited with ${child.exitCode} before ${what} answered:\n${output()}`)
    try {
      const res = await fetch(url)
      if (res.ok)
        return
    }
    catch {}
    if (Date.now() > deadline)
      throw new Error(`${what} did not answer ${url} within ${timeoutMs / 1000} s:\n${output()}`)
    await new Promise(resolve => setTimeout(resolve, 200))
  }
}

/**
 * Runs the real `npm run dev` stack (`node scripts/dev.mjs`: portico-server with the playground's
 * config plus Vite) on free ports and a fresh SQLite file, and waits until the playground page, its
 * entry module and the proxied Frontend API all answer.
 */
export async function startDevStack(options: StartDevStackOptions = {}): Promise<DevStackHandle> {
  const [serverPort, appPort] = [await getFreePort(), await getFreePort()]
  const dbUrl = options.dbUrl ?? `sqlite:${join(mkdtempSync(join(tmpdir(), 'portico-dev-e2e-')), 'dev.db')}`
  let output = ''
  // PORTICO_DEV_NO_WATCH: Vite neither watches files nor reloads pages (others may edit the tree meanwhile)
  // its own process group, so stop() reaches the server and Vite even if dev.mjs itself is stuck
  const child = spawn(process.execPath, ['scripts/dev.mjs'], {
    env: { ...process.env, PORTICO_SERVER_PORT: String(serverPort), PORTICO_PLAYGROUND_PORT: String(appPort), DATABASE_URL: dbUrl, PORTICO_DEV_NO_WATCH: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  child.stdout?.on('data', chunk => (output += chunk))
  child.stderr?.on('data', chunk => (output += chunk))
  const url = `http://127.0.0.1:${appPort}`

  const stop = (signal: 'SIGTERM' | 'SIGINT' = 'SIGTERM'): Promise<void> => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      return resolve()
    const force = setTimeout(signalGroup, 10_000, child, 'SIGKILL')
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    if (signal === 'SIGINT')
      signalGroup(child, 'SIGINT')
    else
      // dev.mjs passes SIGTERM on to the server and Vite (signalling the group would reach them twice)
      child.kill('SIGTERM')
  })

  try {
    const read = () => output
    await waitFor('the Frontend API (through the Vite proxy)', `${url}/__clerk/v1/health`, child, read, 90_000)
    await waitFor('the playground', `${url}/`, child, read, 90_000)
    // the first request for the entry makes Vite transform it: pay that here, not in the first test
    await waitFor('the playground entry module', `${url}/src/main.ts`, child, read, 90_000)
  }
  catch (error) {
    await stop()
    throw error
  }
  return { url, serverUrl: `http://127.0.0.1:${serverPort}`, dbUrl, output: () => output, stop }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal)
  }
  catch {
    // the group is gone already
  }
}
