// `npm run dev`: portico-server on an embedded SQLite file plus the playground's Vite dev server,
// with the Frontend API proxied same-origin under /__clerk. Ctrl-C stops both.
// Env overrides (the end-to-end suites use them): PORTICO_SERVER_PORT, PORTICO_PLAYGROUND_PORT,
// DATABASE_URL, PORTICO_CONFIG (the server's JSON config file).
import { spawn } from 'node:child_process'
import process from 'node:process'

const serverPort = process.env.PORTICO_SERVER_PORT ?? '4000'
const appPort = process.env.PORTICO_PLAYGROUND_PORT ?? '5173'
const db = process.env.DATABASE_URL ?? 'sqlite:.portico/dev.db'
// multi-session mode, a development instance and its dev inbox: everything the playground shows
const config = process.env.PORTICO_CONFIG ?? 'playground/portico.config.json'
const appUrl = `http://127.0.0.1:${appPort}`

const env = {
  ...process.env,
  PORTICO_SERVER_URL: `http://127.0.0.1:${serverPort}`,
  PORTICO_PLAYGROUND_PORT: appPort,
  PORTICO_ALLOWED_ORIGINS: process.env.PORTICO_ALLOWED_ORIGINS ?? `${appUrl},http://localhost:${appPort}`,
  PORTICO_PUBLIC_URL: process.env.PORTICO_PUBLIC_URL ?? `${appUrl}/__clerk`,
}

const children = [
  spawn(process.execPath, ['server/bin/portico-server.mjs', 'serve', '--port', serverPort, '--db', db, '--config', config], { env, stdio: 'inherit' }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--host', '127.0.0.1', '--clearScreen', 'false'], { env, stdio: ['inherit', 'pipe', 'inherit'] }),
]

// Vite prints its own banner; ours follows it and names the two URLs a newcomer needs.
let viteOutput = ''
children[1].stdout.on('data', (chunk) => {
  process.stdout.write(chunk)
  if (viteOutput === null)
    return
  // strip colour codes: Vite colours its banner whenever CI is set, which splits "Local:"
  // eslint-disable-next-line no-control-regex -- ANSI escape sequences are exactly what is matched
  viteOutput += String(chunk).replace(/\x1B\[[0-9;]*m/g, '')
  if (viteOutput.includes('Local:')) {
    viteOutput = null
    console.log(`\n  Portico playground: ${appUrl}\n  Dev inbox (codes):  ${appUrl}/__clerk/dev/inbox\n  Stop with Ctrl-C; users and sessions stay in ${db.replace(/^sqlite:/, '')}.\n`)
  }
})

let stopping = false
function stop(code = 0) {
  if (stopping)
    return
  stopping = true
  for (const child of children)
    child.kill('SIGTERM')
  setTimeout(() => process.exit(code), 3000).unref()
}

for (const child of children) {
  child.on('exit', (code) => {
    if (!stopping)
      stop(code ?? 1)
    else if (children.every(c => c.exitCode !== null || c.signalCode !== null))
      process.exit(0)
  })
}
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))
