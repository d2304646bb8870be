import * as z from 'zod'

export const configSchema = z.object({
  applicationName: z.string().min(1).default('Portico'),
  instanceType: z.enum(['development', 'production']).default('development'),
  allowedOrigins: z.array(z.string()).default([]),
})

export type PorticoConfig = z.output<typeof configSchema>
export type PorticoConfigInput = z.input<typeof configSchema>

/** Validates a configuration object and fills in the defaults. */
export function defineConfig(input: PorticoConfigInput = {}): PorticoConfig {
  return configSchema.parse(input)
}
