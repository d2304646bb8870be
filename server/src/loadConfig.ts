import type { PorticoConfig, PorticoConfigInput } from './config'
import { readFile } from 'node:fs/promises'
import { defineConfig } from './config'

export interface LoadConfigOptions {
  /** A JSON file holding a `PorticoConfigInput`. */
  file?: string
  /** Environment variables to read overrides from. @default process.env */
  env?: Record<string, string | undefined>
}

/**
 * Reads the configuration file (if any), applies the environment overrides
 * (`PORTICO_ALLOWED_ORIGINS` comma-separated, `SMTP_URL`) and validates the result.
 */
export async function loadConfig({ file, env = process.env }: LoadConfigOptions = {}): Promise<PorticoConfig> {
  const input: PorticoConfigInput = file ? JSON.parse(await readFile(file, 'utf8')) : {}
  if (env.PORTICO_ALLOWED_ORIGINS)
    input.allowedOrigins = env.PORTICO_ALLOWED_ORIGINS.split(',').map(origin => origin.trim()).filter(Boolean)
  if (env.SMTP_URL)
    input.smtpUrl = env.SMTP_URL
  return defineConfig(input)
}
