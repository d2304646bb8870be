import { defineConfig } from 'vitest/config'

/** End-to-end suites: a real browser (Debian's Chromium) against real servers on loopback. */
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // one browser at a time: two cores
    fileParallelism: false,
  },
})
