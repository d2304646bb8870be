import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The package as npm publishes it (`npm run build`, then `npm pack`), installed into an app that
// imports it by its public names: what a user gets, rather than the sources the other suites load.
const root = fileURLToPath(new URL('../../', import.meta.url))
// without the test runner's NODE_ENV=test, which would make every build below a development build
const { NODE_ENV: _testMode, ...env } = process.env
const exec = promisify(execFile)
const run = (command: string, args: string[], options: { cwd: string }) => exec(command, args, { ...options, env })
const bin = (name: string) => join(root, 'node_modules', '.bin', name)

const APP = `import { createPinia } from 'pinia'
import { clerkPlugin, useAuth, useUser } from 'portico'
import { SignIn, UserButton } from 'portico/components'
import type { ClientJSON } from 'portico/contract'
import { createApp, defineComponent, h } from 'vue'

const App = defineComponent({
  setup() {
    const { isSignedIn } = useAuth()
    const { user } = useUser()
    return () => isSignedIn.value ? h('p', [h(UserButton), user.value?.firstName ?? '']) : h(SignIn, { routing: 'virtual' })
  },
})
const kind: ClientJSON['object'] = 'client'
createApp(App).use(createPinia()).use(clerkPlugin, { publishableKey: 'pk_test_Y2xlcmsuZXhhbXBsZS5jb20k' }).mount(\`#\${kind}\`)
`

// strict, and checking the package's own declarations too; no bundler types (no `declare module '*.css'`)
const TSCONFIG = {
  compilerOptions: { target: 'es2022', module: 'esnext', moduleResolution: 'bundler', strict: true, skipLibCheck: false, noEmit: true, types: [] },
  include: ['src'],
}

let app: string
let packed: string[]

beforeAll(async () => {
  await run('npm', ['run', 'build'], { cwd: root })
  // inside the repository, so that vue, pinia, vite and typescript resolve from its node_modules
  await mkdir(join(root, '.portico'), { recursive: true })
  app = await mkdtemp(join(root, '.portico', 'consumer-'))
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', app], { cwd: root })
  const [tarball] = JSON.parse(stdout) as { filename: string, files: { path: string }[] }[]
  packed = tarball!.files.map(file => file.path)
  const installed = join(app, 'node_modules', 'portico')
  await mkdir(installed, { recursive: true })
  await run('tar', ['xzf', join(app, tarball!.filename), '-C', installed, '--strip-components=1'], { cwd: app })
  await mkdir(join(app, 'src'))
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }))
  await writeFile(join(app, 'tsconfig.json'), JSON.stringify(TSCONFIG))
  await writeFile(join(app, 'src', 'main.ts'), `${APP}import 'portico/style.css'\n`)
  // the type check reads a copy without the stylesheet import, which needs bundler types
  await writeFile(join(app, 'src', 'typed.ts'), APP)
  await writeFile(join(app, 'index.html'), '<!doctype html><div id="client"></div><script type="module" src="/src/main.ts"></script>\n')
}, 300_000)

afterAll(async () => {
  if (app)
    await rm(app, { recursive: true, force: true })
})

describe('the published package', () => {
  it('holds the built files, the readme and the manifest, and no sources or tests', () => {
    expect(packed).toContain('dist/portico.js')
    expect(packed).toContain('dist/components.js')
    expect(packed).toContain('dist/contract.js')
    expect(packed).toContain('dist/portico.css')
    expect(packed).toContain('dist/types/index.d.ts')
    expect(packed).toContain('package.json')
    expect(packed).toContain('README.md')
    expect(packed.filter(path => !path.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE'].includes(path))).toEqual([])
  })

  it('type-checks in a strict app that checks library declarations and has no bundler types', async () => {
    await writeFile(join(app, 'tsconfig.json'), JSON.stringify({ ...TSCONFIG, include: ['src/typed.ts'] }))
    // the repository's own tsc, so a missing binary fails here instead of leaving stdout empty
    const result = await run(bin('tsc'), ['-p', 'tsconfig.json'], { cwd: app })
      .then(({ stdout }) => ({ code: 0, stdout }), (error: { code: unknown, stdout: string, stderr: string }) => ({ code: error.code, stdout: error.stdout || error.stderr }))
    expect(result).toEqual({ code: 0, stdout: '' })
  })

  it('builds into an app with its stylesheet and without development-only code', async () => {
    await run(bin('vite'), ['build', '--logLevel', 'warn'], { cwd: app })
    const assets = join(app, 'dist', 'assets')
    const files = await readdir(assets)
    const js = await readFile(join(assets, files.find(file => file.endsWith('.js'))!), 'utf8')
    const css = await readFile(join(assets, files.find(file => file.endsWith('.css'))!), 'utf8')
    expect(css).toContain('--portico-')
    expect(js).toContain('sign_in')
    // zod and the developer messages are development-only (README "Development and production builds")
    expect(js).not.toMatch(/\bZodError\b|\$ZodType/)
    expect(js).not.toContain('[portico] The token endpoint')
  })
})
