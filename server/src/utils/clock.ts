/** The source of "now" in milliseconds; tests inject a fake one to move time. */
export type Clock = () => number

/** The real clock. */
export const systemClock: Clock = () => Date.now()
