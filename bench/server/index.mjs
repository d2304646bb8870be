// The server benchmark (issue 3): the token endpoint, password sign-ins and their baselines, side by
// side in one run on loopback. Every server and every raw-rate loop runs in a process of its own; the
// load generator runs in this one. Measurements are interleaved in rounds (each subject next to its
// baseline) and the best round of each is kept, so load from elsewhere on the machine hurts both sides
// of a comparison alike instead of whichever happened to run during it.
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { runJsonChild, startServerChild } from '../lib/children.mjs'
import { runLoad } from '../lib/loadgen.mjs'
import { cpuPerRequest, processCpu } from '../lib/processCpu.mjs'
import { seedUsers } from './api.mjs'
import { BENCH_ORIGIN, startPortico } from './portico.mjs'

const here = path => fileURLToPath(new URL(path, import.meta.url))
const PASSWORD = 'bench-Vq8#rT2mZx'

/** The connection counts (and raw-loop concurrencies) every figure is measured at. */
export const CONCURRENCIES = [10, 50]

/** Rounds, request counts and time caps: every run stops at whichever of count and cap comes first. */
export function serverPlan(quick) {
  return quick
    ? { rounds: 1, capMs: 2000, warmMs: 400, sign: 5000, http: 30_000, hash: 100 }
    : { rounds: 3, capMs: 4000, warmMs: 800, sign: 20_000, http: 100_000, hash: 400 }
}

function tokenRequest(users, skipCache) {
  return (_i, connection) => {
    const user = users[connection % users.length]
    return {
      method: 'POST',
      path: `/v1/client/sessions/${user.sessionId}/tokens${skipCache ? '?debug=skip_cache' : ''}`,
      headers: { 'origin': BENCH_ORIGIN, 'cookie': user.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      // what clerk-js sends for the personal account
      body: 'organization_id=',
    }
  }
}

function signInRequest(users) {
  return (i) => {
    const user = users[i % users.length]
    return {
      method: 'POST',
      path: '/v1/client/sign_ins',
      headers: { 'origin': BENCH_ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ identifier: user.email, password: PASSWORD }).toString(),
    }
  }
}

function bareRequest() {
  return { method: 'POST', path: '/v1/client/sessions/x/tokens', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'organization_id=' }
}

const isToken = (status, body) => status === 200 && body.includes('"jwt":"ey')
const isCompleteSignIn = (status, body) => status === 200 && body.includes('"status":"complete"')

// a short unmeasured run first, so JIT, caches and keep-alive sockets are warm; then the measured run,
// with the server's CPU time per request read from /proc around it, and the load generator's own
async function measure(options, warmMs, pid) {
  await runLoad({ ...options, timeLimitMs: warmMs })
  const before = processCpu(pid)
  const own = process.cpuUsage()
  const result = await runLoad(options)
  const spent = process.cpuUsage(own)
  return {
    ...result,
    ...cpuPerRequest(before, processCpu(pid), result.requests),
    loadGeneratorUsPerRequest: Math.round((spent.user + spent.system) / result.requests),
  }
}

/** The measurements of one round, in the order they run: each subject right after its baseline. */
function steps(plan, bare, portico, users) {
  const load = (port, pid, requests, build, check) => connections => measure({ port, connections, requests, timeLimitMs: plan.capMs, build, check }, plan.warmMs, pid)
  const raw = (script, count) => concurrency => runJsonChild(here(script), { concurrency, count, timeLimitMs: plan.capMs })
  return [
    ['raw RS256 sign', raw('./rawSign.mjs', plan.sign)],
    ['token endpoint, skip_cache', load(portico.port, portico.pid, plan.sign, tokenRequest(users, true), isToken)],
    ['bare node:http', load(bare.port, bare.pid, plan.http, bareRequest)],
    ['token endpoint, reuse', load(portico.port, portico.pid, plan.http, tokenRequest(users, false), isToken)],
    ['raw argon2id hash', raw('./rawHash.mjs', plan.hash)],
    ['password sign-in', load(portico.port, portico.pid, plan.hash, signInRequest(users), isCompleteSignIn)],
  ]
}

// the best round by rate; CPU costs per operation are the medians of the rounds (steadier than rates)
function best(runs) {
  const top = runs.reduce((a, b) => (b.perSecond > a.perSecond ? b : a))
  const median = (key) => {
    const values = runs.map(run => run[key]).filter(value => value !== undefined).sort((a, b) => a - b)
    return values.length ? { [key]: values[Math.floor(values.length / 2)] } : {}
  }
  return { ...top, rounds: runs.map(run => run.perSecond), ...median('cpuUsPerRequest'), ...median('loadGeneratorUsPerRequest') }
}

/**
 * Runs the whole server benchmark and returns `{ plan, measurements, targets }`; `log` receives
 * one progress line per measurement.
 */
export async function serverBench({ quick = false, log = () => {} } = {}) {
  const plan = serverPlan(quick)
  const bareChild = await startServerChild([here('./bareServer.mjs')], { ready: /^listening \d+/ })
  const bare = { port: Number(bareChild.line.split(' ')[1]), pid: bareChild.pid }
  let portico
  try {
    portico = await startPortico()
    const users = await seedUsers({ port: portico.port, origin: BENCH_ORIGIN, count: Math.max(...CONCURRENCIES), password: PASSWORD })
    log(`portico-server (production, SQLite file) pid ${portico.pid}, bare node:http pid ${bare.pid}; ${users.length} users signed up through the API`)
    const runs = new Map()
    for (let round = 1; round <= plan.rounds; round++) {
      for (const concurrency of CONCURRENCIES) {
        for (const [name, run] of steps(plan, bare, portico, users)) {
          const result = await run(concurrency)
          const key = `${name}@${concurrency}`
          runs.set(key, [...(runs.get(key) ?? []), result])
          const cpu = result.cpuUsPerRequest === undefined ? '' : `, ${result.cpuUsPerRequest} µs CPU/op`
          const loadGenerator = result.loadGeneratorUsPerRequest === undefined ? '' : ` (+ load generator ${result.loadGeneratorUsPerRequest} µs/op)`
          const failed = result.failures ? `, ${result.failures} FAILED (${result.firstFailure})` : ''
          log(`  round ${round}/${plan.rounds} ${name} @${concurrency}: ${result.perSecond}/s, p99 ${result.p99Ms} ms${cpu}${loadGenerator}${failed}`)
        }
      }
    }
    const measurements = [...runs].map(([key, results]) => {
      const [name, concurrency] = key.split('@')
      return { name, concurrency: Number(concurrency), ...best(results) }
    })
    return { plan, measurements, targets: serverTargets(measurements) }
  }
  finally {
    await portico?.stop()
    await bareChild.stop()
  }
}

/**
 * The three targets at each concurrency. Each round measures a subject right after its
 * reference, so the ratio is taken per round (other work on the machine then weighs on both sides
 * alike) and the median round's ratio is judged. `cpuRatio` (the reference's CPU time per operation
 * over the subject's) is where the rate ratio of two CPU-bound processes settles on an otherwise idle
 * machine, load generator aside: a check on noisy rates. `cpuRatioWithLoadGenerator` adds the load
 * generator's CPU per request to each side, since it shares the same cores.
 */
export function serverTargets(rows) {
  const row = (name, concurrency) => rows.find(r => r.name === name && r.concurrency === concurrency)
  const goals = [
    { target: 'token endpoint (skip_cache) vs raw RS256 sign', subject: 'token endpoint, skip_cache', reference: 'raw RS256 sign', goal: 0.9 },
    { target: 'token endpoint (reuse) vs bare node:http', subject: 'token endpoint, reuse', reference: 'bare node:http', goal: 0.25 },
    { target: 'password sign-in vs raw argon2id hash', subject: 'password sign-in', reference: 'raw argon2id hash', goal: 0.9 },
  ]
  const round3 = value => Math.round(value * 1000) / 1000
  const withLoadGenerator = r => (r?.cpuUsPerRequest ?? Number.NaN) + (r?.loadGeneratorUsPerRequest ?? 0)
  return goals.flatMap(({ target, subject, reference, goal }) => CONCURRENCIES.map((concurrency) => {
    const a = row(subject, concurrency)
    const b = row(reference, concurrency)
    const perRound = (a?.rounds ?? []).map((rate, i) => rate / (b?.rounds[i] ?? Number.NaN)).sort((x, y) => x - y)
    const ratio = perRound.length ? perRound[Math.floor(perRound.length / 2)] : Number.NaN
    return {
      target,
      concurrency,
      subject: a?.perSecond ?? Number.NaN,
      reference: b?.perSecond ?? Number.NaN,
      ratio: round3(ratio),
      roundRatios: perRound.map(round3),
      cpuRatio: round3((b?.cpuUsPerRequest ?? Number.NaN) / (a?.cpuUsPerRequest ?? Number.NaN)),
      // the same with the load generator's CPU added on each side (the raw loops have none): on two
      // shared cores this is where the rate ratio settles
      cpuRatioWithLoadGenerator: round3(withLoadGenerator(b) / withLoadGenerator(a)),
      goal,
      pass: ratio >= goal,
    }
  }))
}
