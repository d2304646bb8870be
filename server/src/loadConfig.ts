import type { PorticoConfig, PorticoConfigInput } from './config'
import { readFile } from 'node:fs/promises'
import { defineConfig } from './config'

/** Where `loadConfig` reads from. */
export interface LoadConfigOptions {
  /** A JSON file holding a `PorticoConfigInput`. */
  file?: string
  /**
   * Environment variables to read overrides from.
   * @default process.env
   */
  env?: Record<string, string | undefined>
  /** `publicUrl` when neither the file nor `PORTICO_PUBLIC_URL` names one (the CLI passes its own address). */
  defaultPublicUrl?: string
}

/**
 * Reads the configuration file (if any), applies the environment overrides (`PORTICO_ALLOWED_ORIGINS`
 * comma-separated, `PORTICO_PUBLIC_URL`, `SMTP_URL`, `PORTICO_ENCRYPTION_KEY`) and validates the result;
 * a bad file or value throws a zod error naming the field.
 */
export async function loadConfig({ file, env = process.env, defaultPublicUrl }: LoadConfigOptions = {}): Promise<PorticoConfig> {
  const input: PorticoConfigInput = file ? JSON.parse(await readFile(file, 'utf8')) : {}
  if (env.PORTICO_ALLOWED_ORIGINS)
    input.allowedOrigins = env.PORTICO_ALLOWED_ORIGINS.split(',').map(origin => origin.trim()).filter(Boolean)
  if (env.PORTICO_PUBLIC_URL)
    input.publicUrl = env.PORTICO_PUBLIC_URL
  if (env.SMTP_URL)
    input.smtpUrl = env.SMTP_URL
  if (env.PORTICO_ENCRYPTION_KEY)
    input.encryptionKey = env.PORTICO_ENCRYPTION_KEY
  input.publicUrl ??= defaultPublicUrl
  return defineConfig(input)
}
