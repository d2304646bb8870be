/**
 * How long `expect.poll` waits for the page to show a state (vitest's default is one second, too
 * short for a loaded two-core machine); it returns as soon as the state is there.
 */
export const UI_WAIT = { timeout: 15_000, interval: 100 } as const
