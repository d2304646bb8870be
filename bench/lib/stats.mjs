// Throughput and latency percentiles shared by the load generator and the in-process rate loops.
import process from 'node:process'

/** The value at quantile `q` (0..1) of sorted samples (nearest rank). */
export function quantile(sorted, q) {
  if (sorted.length === 0)
    return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
}

/** Operations per second and p50/p99 latency (ms) of `count` operations that took `elapsedMs` in all. */
export function summarize(latencies, count, elapsedMs) {
  const sorted = Float64Array.from(latencies).sort()
  const round = value => Math.round(value * 100) / 100
  return {
    perSecond: Math.round(count / (elapsedMs / 1000)),
    p50Ms: round(quantile(sorted, 0.5)),
    p99Ms: round(quantile(sorted, 0.99)),
  }
}

/**
 * Runs `operation()` with `concurrency` calls in flight until `count` have finished or `timeLimitMs`
 * has passed, and returns the same figures as the load generator.
 */
export async function runConcurrent({ operation, concurrency, count, timeLimitMs }) {
  const latencies = new Float64Array(count)
  let issued = 0
  let completed = 0
  const started = performance.now()
  const deadline = started + timeLimitMs
  const cpuBefore = process.cpuUsage()
  async function lane() {
    while (issued < count && performance.now() < deadline) {
      issued++
      const t0 = performance.now()
      await operation()
      latencies[completed++] = performance.now() - t0
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane))
  const elapsedMs = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  return {
    concurrency,
    operations: completed,
    // the whole process, thread pool included (getrusage)
    cpuUsPerRequest: completed ? Math.round((cpu.user + cpu.system) / completed) : undefined,
    elapsedMs: Math.round(elapsedMs),
    capped: completed < count,
    ...summarize(latencies.subarray(0, completed), completed, elapsedMs),
  }
}
