// Bundle sizes of the SDK as an app would ship it: minified and gzipped, vue, pinia and vue-router
// left out (the app has them anyway). Run: node bench/size/index.mjs [--json]
// EXTRA_EXTERNAL=zod,ofetch leaves more packages out, to see what they weigh.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import vue from '@vitejs/plugin-vue'
import { build } from 'vite'

const root = fileURLToPath(new URL('../../', import.meta.url))
const src = path => `${root}src/${path}`

/** What each measured bundle exports. */
export const BUNDLES = {
  'core (clerkPlugin only)': `export { clerkPlugin } from '${src('index.ts')}'`,
  'core (everything in src/index.ts)': `export * from '${src('index.ts')}'`,
  'core + <SignIn>': `export { clerkPlugin } from '${src('index.ts')}'\nexport { default as SignIn } from '${src('components/SignIn.vue')}'`,
  'core + <SignUp>': `export { clerkPlugin } from '${src('index.ts')}'\nexport { default as SignUp } from '${src('components/SignUp.vue')}'`,
  'core + <UserButton>': `export { clerkPlugin } from '${src('index.ts')}'\nexport { default as UserButton } from '${src('components/UserButton.vue')}'`,
  'core + <UserProfile>': `export { clerkPlugin } from '${src('index.ts')}'\nexport { default as UserProfile } from '${src('components/UserProfile.vue')}'`,
  'core + control components': `export { clerkPlugin } from '${src('index.ts')}'\nexport { SignedIn, SignedOut, Protect, Show, ClerkLoaded, ClerkLoading, SignInButton, SignUpButton, SignOutButton, RedirectToSignIn, RedirectToSignUp } from '${src('components/index.ts')}'`,
  'core + every component': `export * from '${src('index.ts')}'\nexport * from '${src('components/index.ts')}'`,
}

// a package and its subpaths (`zod` also leaves out `zod/mini`)
const extraExternal = (process.env.EXTRA_EXTERNAL ?? '').split(',').filter(Boolean).map(name => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:/|$)`))

/** Left out of every bundle: the frameworks the app already has (and EXTRA_EXTERNAL). */
export const EXTERNAL = ['vue', 'pinia', 'vue-router', /^@vue\//, ...extraExternal]

/** Budgets from issue 6, in KB of min+gzip JavaScript. */
const BUDGETS = { 'core + <SignIn>': 35, 'core + every component': 70 }

async function measure(scratch, name, code) {
  const entry = join(scratch, `${name.replace(/\W+/g, '-')}.js`)
  await writeFile(entry, code)
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    plugins: [vue()],
    // what an app's production build does: development-only branches go
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: true,
      cssCodeSplit: false,
      lib: { entry, formats: ['es'], fileName: 'bundle' },
      rollupOptions: { external: EXTERNAL },
    },
  })
  const outputs = (Array.isArray(result) ? result : [result]).flatMap(entry => entry.output)
  const size = kind => outputs
    .filter(output => (kind === 'js' ? output.type === 'chunk' : output.fileName.endsWith('.css')))
    .reduce((sum, output) => {
      const text = output.type === 'chunk' ? output.code : String(output.source)
      return { min: sum.min + Buffer.byteLength(text), gzip: sum.gzip + gzipSync(text, { level: 9 }).length }
    }, { min: 0, gzip: 0 })
  return { js: size('js'), css: size('css') }
}

const kb = bytes => Math.round(bytes / 102.4) / 10

/** Builds every bundle and returns its sizes in KB. */
export async function measureBundles() {
  const scratch = await mkdtemp(join(tmpdir(), 'portico-size-'))
  const rows = []
  try {
    for (const [name, code] of Object.entries(BUNDLES)) {
      const { js, css } = await measure(scratch, name, code)
      rows.push({ bundle: name, jsMinKB: kb(js.min), jsGzipKB: kb(js.gzip), cssGzipKB: kb(css.gzip), budgetKB: BUDGETS[name] ?? null })
    }
  }
  finally {
    await rm(scratch, { recursive: true, force: true })
  }
  return rows
}

function print(rows) {
  console.log('bundle'.padEnd(36), 'js min'.padStart(9), 'js gzip'.padStart(9), 'css gzip'.padStart(9), 'budget'.padStart(8))
  for (const row of rows) {
    const over = row.budgetKB !== null && row.jsGzipKB > row.budgetKB ? '  OVER' : ''
    console.log(row.bundle.padEnd(36), `${row.jsMinKB} KB`.padStart(9), `${row.jsGzipKB} KB`.padStart(9), `${row.cssGzipKB} KB`.padStart(9), (row.budgetKB === null ? '' : `${row.budgetKB} KB`).padStart(8), over)
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  measureBundles().then((rows) => {
    if (process.argv.includes('--json'))
      console.log(JSON.stringify(rows, null, 2))
    else
      print(rows)
  })
}
