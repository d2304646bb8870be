// `npm run bench`: the SDK core figures (bundle sizes, getToken), the component bundles (bench/size)
// and the server benchmark (token endpoint and sign-ins against their baselines), one after the
// other; prints Markdown tables with PASS/MISS per target and writes everything to
// results/<date>-bench.json. Benchmarks are never tests: a MISS fails nothing, and a section that
// cannot run is reported and skipped; the exit code is 1 only then.
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { componentSizes } from '../bench/core/componentSizes.mjs'
import { coreBench } from '../bench/core/index.mjs'
import { componentsReport, coreReport, serverReport } from '../bench/lib/report.mjs'
import { serverBench } from '../bench/server/index.mjs'

/** Each section: what runs it and what prints its tables. */
const SECTIONS = {
  core: { run: coreBench, report: coreReport },
  components: { run: componentSizes, report: componentsReport },
  server: { run: serverBench, report: serverReport },
}

const USAGE = `Usage: npm run bench -- [--quick] [--only core|components|server[,...]] [--out <file.json>]

  --quick   one short round of everything (about a minute) instead of three rounds (about four)
  --only    run these sections only (default: all three)
  --out     where the JSON goes (default: results/<date>-bench.json)`

function parseArgs(args) {
  const options = { quick: false, only: Object.keys(SECTIONS), out: undefined }
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split('=', 2)
    const value = () => inline ?? args[++i]
    if (flag === '--quick')
      options.quick = true
    else if (flag === '--only')
      options.only = value()?.split(',').map(name => name.trim()).filter(Boolean) ?? []
    else if (flag === '--out')
      options.out = value()
    else if (flag === '--help' || flag === '-h')
      return null
    else
      throw new Error(`unknown argument "${args[i]}"`)
  }
  const unknown = options.only.filter(name => !(name in SECTIONS))
  if (unknown.length > 0 || options.only.length === 0)
    throw new Error(`--only takes ${Object.keys(SECTIONS).join(', ')}`)
  return options
}

function machine() {
  const cpus = os.cpus()
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map(load => Math.round(load * 100) / 100),
  }
}

async function main() {
  let options
  try {
    options = parseArgs(process.argv.slice(2))
  }
  catch (error) {
    console.error(`bench: ${error.message}\n\n${USAGE}`)
    return 1
  }
  if (!options) {
    console.log(USAGE)
    return 0
  }
  const startedAt = new Date()
  const results = { startedAt: startedAt.toISOString(), quick: options.quick, machine: machine(), sections: {} }
  console.log(`bench: ${options.only.join(' + ')}${options.quick ? ' (quick)' : ''} on ${results.machine.cpus} × ${results.machine.cpuModel}, Node ${results.machine.node}, load average ${results.machine.loadAverage.join(' ')}`)
  const reports = []
  let failed = false
  for (const name of options.only) {
    console.log(`\n## ${name}`)
    const started = performance.now()
    try {
      const section = await SECTIONS[name].run({ quick: options.quick, log: line => console.log(line) })
      section.seconds = Math.round((performance.now() - started) / 1000)
      results.sections[name] = section
      reports.push(SECTIONS[name].report(section, results.machine))
    }
    catch (error) {
      failed = true
      results.sections[name] = { error: String(error.stack ?? error) }
      reports.push(`### ${name}\n\nDid not run: ${error.message}`)
      console.error(`bench: ${name} did not run:`, error)
    }
  }
  results.machine.loadAverageAfter = os.loadavg().map(load => Math.round(load * 100) / 100)

  const out = options.out ?? fileURLToPath(new URL(`../results/${startedAt.toISOString().slice(0, 10)}-bench.json`, import.meta.url))
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`)

  console.log(`\n# Summary\n\n${reports.join('\n\n')}`)
  const targets = Object.values(results.sections).flatMap(section => section.targets ?? [])
  const missed = targets.filter(target => !target.pass).length
  console.log(`\n${targets.length - missed}/${targets.length} targets PASS${missed ? `, ${missed} MISS` : ''}; load average ${results.machine.loadAverage.join(' ')} before, ${results.machine.loadAverageAfter.join(' ')} after. JSON: ${out}`)
  return failed ? 1 : 0
}

main().then((code) => {
  process.exitCode = code
}, (error) => {
  console.error(error)
  process.exitCode = 1
})
