/** Where the server writes its few log lines; never passwords, codes (outside the dev inbox), tokens or cookies. */
export interface Logger {
  info: (message: string) => void
  warn: (message: string) => void
  error: (message: string, error?: unknown) => void
}

/** Logs to the console. */
export const consoleLogger: Logger = {
  info: message => console.log(message),
  warn: message => console.warn(message),
  error: (message, error) => console.error(message, error),
}

/** Drops everything (tests). */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }
