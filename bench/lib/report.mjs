// The Markdown the benchmark prints (and the README quotes): one table of figures and one of targets
// per section.
import { int, kb, table } from './markdown.mjs'

const verdict = pass => (pass ? 'PASS' : 'MISS')
const ms = value => (value >= 100 ? int(value) : value.toFixed(1))
const percent = ratio => (Number.isFinite(ratio) ? `${(ratio * 100).toFixed(0)} %` : 'n/a')

/** The core section: bundle sizes, getToken figures and their targets. */
export function coreReport({ sizes, getToken, targets }) {
  const sizeTable = table(
    ['Bundle (esbuild, minified ESM)', 'External', 'min', 'min+gzip'],
    sizes.map(size => size.error
      ? [size.name, size.external.join(', '), 'did not build', size.error]
      : [size.name, size.external.join(', '), kb(size.minBytes), kb(size.gzipBytes)]),
    ['l', 'l', 'r', 'r'],
  )
  const { concurrent, cached } = getToken
  const tokenTable = table(
    ['getToken() (src/core/tokens)', 'Figure'],
    [
      [`${int(concurrent.calls)} concurrent calls, cold cache`, `${concurrent.fetches} request(s), ${concurrent.distinctTokens} distinct token(s)`],
      [`cached call, awaited one after another (${int(cached.iterations)} calls)`, `${int(cached.nsPerCall)} ns/call`],
      [`cached call, ${int(concurrent.calls)} at a time`, `${int(cached.nsPerCallBatched)} ns/call`],
    ],
  )
  const targetTable = table(['Target', 'Measured', 'Goal', 'Result'], targets.map(t => [t.target, t.measured, t.goal, verdict(t.pass)]), ['l', 'r', 'r', 'l'])
  return `### Core\n\n${sizeTable}\n\n${tokenTable}\n\n${targetTable}`
}

/** The components section: bench/size's bundles and their budgets. */
export function componentsReport({ bundles, targets }) {
  const sizes = table(
    ['Bundle (an app built by Vite against the published build; vue/pinia/vue-router external)', 'JS min', 'Initial min+gzip', 'Total min+gzip', 'Lazy chunks'],
    bundles.map(row => [row.bundle, `${row.jsMinKB} KB`, `${row.initialGzipKB} KB`, `${row.jsGzipKB} KB`, row.lazyChunks]),
    ['l', 'r', 'r', 'r', 'r'],
  )
  const goals = table(['Target', 'Measured', 'Goal', 'Result'], targets.map(t => [t.target, t.measured, t.goal, verdict(t.pass)]), ['l', 'r', 'r', 'l'])
  const css = bundles[0]?.cssGzipKB ? `\n\nThe stylesheet (portico/style.css) is ${bundles[0].cssGzipKB} KB min+gzip.` : ''
  return `### Components\n\n${sizes}${css}\n\n${goals}`
}

/** The server section: every measurement, then the three targets at each concurrency. */
export function serverReport({ plan, measurements, targets }, machine) {
  const figures = table(
    ['Measurement', 'Conc.', 'ops/s', 'p50 ms', 'p99 ms', 'CPU µs/op', 'Load gen. µs/op', 'Rounds (ops/s)'],
    measurements.map(m => [m.name, m.concurrency, int(m.perSecond), ms(m.p50Ms), ms(m.p99Ms), int(m.cpuUsPerRequest), m.loadGeneratorUsPerRequest === undefined ? '–' : int(m.loadGeneratorUsPerRequest), m.rounds.map(int).join(' / ')]),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
  )
  const goals = table(
    ['Target', 'Conc.', 'Best ops/s', 'Reference best ops/s', 'Ratio (median round)', 'Goal', 'Result', 'CPU ratio', 'CPU ratio with load gen.'],
    targets.map(t => [t.target, t.concurrency, int(t.subject), int(t.reference), percent(t.ratio), `≥ ${t.goal * 100} %`, verdict(t.pass), percent(t.cpuRatio), percent(t.cpuRatioWithLoadGenerator)]),
    ['l', 'r', 'r', 'r', 'r', 'r', 'l', 'r', 'r'],
  )
  const how = `${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}, load average ${machine.loadAverage[0]} at the start; ${plan.rounds} interleaved round(s), each run capped at ${plan.capMs / 1000} s; ops/s and latencies from the best round; the ratio is taken within each round (subject right after its reference) and the median round's is judged; CPU µs/op = CPU time of the serving process (all threads, from /proc) per operation, median of the rounds; CPU ratio = reference CPU µs/op ÷ subject CPU µs/op; with load gen. = the same with the load generator's CPU µs/op added to each side (it shares the cores; the raw loops have none), where the rate ratio settles on an otherwise idle machine.`
  return `### Server\n\n${how}\n\n${figures}\n\n${goals}`
}
