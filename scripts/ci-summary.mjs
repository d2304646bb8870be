// Adds up what .ci/run recorded: lint and typecheck count as one check each, every vitest test
// counts once. Prints "N passed, M failed" last and exits non-zero when anything failed.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const [dir, extraFailures = '0'] = process.argv.slice(2)
let passed = 0
let failed = Number(extraFailures)
let skipped = 0

for (const check of ['lint', 'typecheck']) {
  const file = join(dir, check)
  const ok = existsSync(file) && readFileSync(file, 'utf8').trim() === 'ok'
  console.log(`${check}: ${ok ? 'passed' : 'FAILED'}`)
  ok ? passed++ : failed++
}

for (const name of readdirSync(dir).filter(f => f.endsWith('.json'))) {
  const report = JSON.parse(readFileSync(join(dir, name), 'utf8'))
  const p = report.numPassedTests ?? 0
  const f = (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0)
  const s = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  // a suite that failed to load reports no tests: count it as a failure
  const brokenFiles = (report.testResults ?? []).filter(r => r.status === 'failed' && r.assertionResults.length === 0).length
  // vitest marks the run unsuccessful for unhandled errors too, which no test owns
  const unowned = report.success === false && f + brokenFiles === 0 ? 1 : 0
  console.log(`${name}: ${p} passed, ${f + brokenFiles + unowned} failed, ${s} skipped`)
  passed += p
  failed += f + brokenFiles + unowned
  skipped += s
}

const expected = ['unit.json']
for (const name of expected) {
  if (!existsSync(join(dir, name))) {
    console.log(`${name}: missing (the suite did not run)`)
    failed++
  }
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
