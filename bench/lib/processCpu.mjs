// CPU time a process has used, read from /proc (Linux): all its threads, and its main (JavaScript)
// thread alone. Divided by the requests served, it gives a cost per request that other load on the
// machine barely changes, unlike requests per second.
import { readFileSync } from 'node:fs'

// utime + stime, fields 14 and 15 of /proc/<pid>/stat, in clock ticks (USER_HZ, 100 on Linux)
function ticks(path) {
  const stat = readFileSync(path, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return Number(fields[11]) + Number(fields[12])
}

/** `{ totalMs, mainMs }` used so far by `pid`, or null where /proc is not available. */
export function processCpu(pid) {
  try {
    return { totalMs: ticks(`/proc/${pid}/stat`) * 10, mainMs: ticks(`/proc/${pid}/task/${pid}/stat`) * 10 }
  }
  catch {
    return null
  }
}

/** CPU microseconds per request between two `processCpu` readings. */
export function cpuPerRequest(before, after, requests) {
  if (!before || !after || requests === 0)
    return {}
  return {
    cpuUsPerRequest: Math.round((after.totalMs - before.totalMs) * 1000 / requests),
    mainThreadUsPerRequest: Math.round((after.mainMs - before.mainMs) * 1000 / requests),
  }
}
