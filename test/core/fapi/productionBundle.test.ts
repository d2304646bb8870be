// @vitest-environment node
// What an app's production bundle gets: the core built with NODE_ENV=production, as Vite, webpack
// and esbuild apps do. zod and the contract schemas must be gone from it, and the compiled code
// must still turn a garbled answer into a ClerkContractError.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../../', import.meta.url))

async function bundle(entry: string, nodeEnv: string) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    external: ['vue', 'pinia', 'vue-router'],
    define: { 'process.env.NODE_ENV': JSON.stringify(nodeEnv) },
  })
  const output = Object.values(result.metafile.outputs)[0]!
  const inputs = Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([path]) => path)
  return { code: result.outputFiles[0]!.text, inputs }
}

const fromZod = (inputs: string[]) => inputs.filter(path => path.includes('node_modules/zod/'))
const schemaModules = (inputs: string[]) => inputs.filter(path => path.startsWith('src/contract/schemas/'))

describe('the core in an app\'s production bundle', () => {
  it.each(['src/core/index.ts', 'src/index.ts'])('%s carries no zod and no contract schema', async (entry) => {
    const { inputs } = await bundle(entry, 'production')
    expect(fromZod(inputs)).toEqual([])
    expect(schemaModules(inputs)).toEqual([])
    expect(inputs).toContain('src/core/fapi/checkContractShape.ts')
  })

  it('keeps zod and the schemas in a development bundle', async () => {
    const { inputs } = await bundle('src/core/index.ts', 'development')
    expect(fromZod(inputs).length).toBeGreaterThan(0)
    expect(schemaModules(inputs)).toContain('src/contract/schemas/client.ts')
    expect(inputs).not.toContain('src/core/fapi/checkContractShape.ts')
  })
})

describe('the compiled production transport', () => {
  let dir: string
  let fapi: typeof import('../../../src/core/fapi')
  let contract: Pick<typeof import('../../../src/contract'), 'isClerkContractError'>

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'portico-production-'))
    const entry = join(dir, 'entry.ts')
    await writeFile(entry, `export * from '${root}src/core/fapi/index.ts'\nexport { isClerkContractError } from '${root}src/contract/index.ts'\n`)
    const { code } = await bundle(entry, 'production')
    await writeFile(join(dir, 'bundle.mjs'), code)
    const module = await import(/* @vite-ignore */ pathToFileURL(join(dir, 'bundle.mjs')).href)
    fapi = module
    contract = module
  })

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  function clientAnswering(body: string, status = 200) {
    return fapi.createFapiClient({
      proxyUrl: 'http://127.0.0.1:4000',
      fetch: async () => new Response(body, { status, headers: { 'content-type': 'application/json' } }),
    })
  }

  it('turns a proxy\'s HTML page into a ClerkContractError naming the call', async () => {
    const error = await clientAnswering('<html>Bad gateway</html>').request({ path: '/client/sign_ins', method: 'POST', contract: 'signIn' }).catch((error: unknown) => error)
    expect(contract.isClerkContractError(error)).toBe(true)
    expect((error as Error).message).toBe('Invalid FAPI response for POST /client/sign_ins: expected object, received string')
  })

  it('names the field of a wrong object', async () => {
    const error = await clientAnswering(JSON.stringify({ response: { object: 'client', id: 'client_1' } })).request({ path: '/me', contract: 'user' }).catch((error: unknown) => error)
    expect((error as Error).message).toBe('Invalid FAPI response for GET /me: object: expected "user", received "client"')
  })

  it('fills in what the schemas default', async () => {
    const { response } = await clientAnswering(JSON.stringify({ response: { object: 'email_address', id: 'idn_1', email_address: 'a@x.test' } })).request({ path: '/me/email_addresses/idn_1', contract: 'emailAddress' })
    expect(response.linked_to).toEqual([])
  })
})
