#!/usr/bin/env node
// Runs the TypeScript sources through tsx in a checkout (`npm ci` is enough), or the bundled
// dist/cli.js when the sources are not there (a built package).
import { existsSync } from 'node:fs'
import process from 'node:process'

async function loadMain() {
  const source = new URL('../src/cli.ts', import.meta.url)
  if (existsSync(source)) {
    const { tsImport } = await import('tsx/esm/api')
    return (await tsImport(source.href, import.meta.url)).main
  }
  return (await import(new URL('../dist/cli.js', import.meta.url).href)).main
}

loadMain()
  .then(main => main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code
  })
  .catch((error) => {
    console.error(error)
    process.exitCode = 1
  })
