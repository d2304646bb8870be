export { createApp } from './app'
export type { CreateAppOptions } from './app'
export { configSchema, defineConfig } from './config'

export type { PorticoConfig, PorticoConfigInput } from './config'
export { createDb } from './db/createDb'
export type { CreateDbOptions, Db, Dialect } from './db/createDb'
