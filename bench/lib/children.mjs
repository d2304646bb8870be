// Child processes of the benchmarks: one-shot measurements that print one JSON line, and long-running
// servers that print a line when they listen. Every child is ended by its pid when the run is over.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import process from 'node:process'

/**
 * Runs `node [...nodeArgs] <script> <json>` and resolves the JSON object printed on its last stdout
 * line; the child is killed after `timeoutMs`.
 */
export function runJsonChild(script, input, { timeoutMs = 120_000, nodeArgs = [], cwd } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, JSON.stringify(input)], { cwd, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.stdout.on('data', (chunk) => {
      out += chunk
    })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      const last = out.trim().split('\n').pop()
      if (code !== 0 || !last)
        return reject(new Error(`${script} exited with ${signal ?? code}`))
      resolve(JSON.parse(last))
    })
  })
}

/**
 * Starts a long-running child (`node ...args`) and resolves once a stdout line matches `ready`;
 * `stop()` sends SIGTERM to that pid and waits for the exit (SIGKILL after 10 s).
 */
export function startServerChild(args, { ready, env = process.env, timeoutMs = 60_000, onLine } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    const exited = new Promise(done => child.once('exit', done))
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000)
        await exited
        clearTimeout(force)
      }
    }
    const timer = setTimeout(() => {
      stop()
      reject(new Error(`${args.join(' ')} did not start within ${timeoutMs} ms`))
    }, timeoutMs)
    let buffer = ''
    let started = false
    child.stdout.on('data', (chunk) => {
      buffer += chunk
      let newline = buffer.indexOf('\n')
      while (newline >= 0) {
        const line = buffer.slice(0, newline)
        buffer = buffer.slice(newline + 1)
        onLine?.(line)
        if (!started && ready.test(line)) {
          started = true
          clearTimeout(timer)
          resolve({ pid: child.pid, line, stop })
        }
        newline = buffer.indexOf('\n')
      }
    })
    let errors = ''
    child.stderr.on('data', (chunk) => {
      errors += chunk
    })
    child.once('exit', (code) => {
      if (!started) {
        clearTimeout(timer)
        reject(new Error(`${args.join(' ')} exited with ${code} before it was ready:\n${errors.slice(-2000)}`))
      }
    })
  })
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}
