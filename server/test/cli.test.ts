import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseServeArgs } from '../src/cli'

describe('portico-server serve', () => {
  it('reads flags over environment variables over defaults', () => {
    expect(parseServeArgs([], {})).toEqual({ port: 4000, host: '127.0.0.1', db: 'sqlite:.portico/dev.db' })
    expect(parseServeArgs([], { PORT: '5000', DATABASE_URL: 'postgres://db/x' })).toMatchObject({ port: 5000, db: 'postgres://db/x' })
    expect(parseServeArgs(['--port', '4100', '--db=sqlite::memory:', '--config', 'p.json'], { PORT: '5000' })).toEqual({ port: 4100, host: '127.0.0.1', db: 'sqlite::memory:', config: 'p.json' })
  })

  it('refuses unknown flags and bad ports', () => {
    expect(() => parseServeArgs(['--verbose'], {})).toThrow(/unknown argument/)
    expect(() => parseServeArgs(['--port', 'x'], {})).toThrow(/invalid port/)
    expect(() => parseServeArgs(['--db'], {})).toThrow(/needs a value/)
  })

  it('starts from the bin, prints one banner line, serves, and exits 0 on SIGTERM', async () => {
    const db = `sqlite:${join(mkdtempSync(join(tmpdir(), 'portico-cli-')), 'cli.db')}`
    const child = spawn(process.execPath, ['server/bin/portico-server.mjs', 'serve', '--port', '0', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stderr.on('data', chunk => (output += chunk))
    const banner = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        output += chunk
        if (output.includes('\n'))
          resolve(output.split('\n')[0]!)
      })
      child.once('exit', code => reject(new Error(`exited ${code}: ${output}`)))
    })
    expect(banner).toMatch(/^portico-server development on sqlite:.*: API http:\/\/127\.0\.0\.1:\d+\/v1 · JWKS .*\/\.well-known\/jwks\.json · dev inbox .*\/dev\/inbox$/)
    const base = /API (http:\/\/[^/]+)\/v1/.exec(banner)![1]
    expect((await (await fetch(`${base}/v1/health`)).json()).status).toBe('ok')
    const exited = new Promise<number | null>(resolve => child.once('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  }, 30_000)
})
