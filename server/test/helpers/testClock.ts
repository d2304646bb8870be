/** A clock tests move by hand; starts at a fixed instant so runs are reproducible. */
export interface TestClock {
  (): number
  advance: (ms: number) => void
  set: (ms: number) => void
}

/** Creates a test clock (default start: 2030-01-01T00:00:00Z). */
export function createTestClock(start = Date.UTC(2030, 0, 1)): TestClock {
  let now = start
  const clock = (() => now) as TestClock
  clock.advance = (ms) => {
    now += ms
  }
  clock.set = (ms) => {
    now = ms
  }
  return clock
}
