// The size bench's two builds. First the package as it is published (`vite build` with
// vite.config.ts: one file per source module, `sideEffects` from package.json). Then, per measured
// bundle, an app that imports the package's public entry points (`portico`, `portico/components`)
// and is built the way an app's production build is: NODE_ENV=production, minified, vue, pinia and
// vue-router left out (the app has them anyway).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { build as esbuild } from 'esbuild'
import { build, loadConfigFromFile } from 'vite'

export const root = fileURLToPath(new URL('../../', import.meta.url))

/** What each measured bundle imports, as an app would write it. */
export const BUNDLES = {
  'core (clerkPlugin only)': `export { clerkPlugin } from 'portico'`,
  'core (everything in portico)': `export * from 'portico'`,
  'core + <SignIn>': `export { clerkPlugin } from 'portico'\nexport { SignIn } from 'portico/components'`,
  'core + <SignUp>': `export { clerkPlugin } from 'portico'\nexport { SignUp } from 'portico/components'`,
  'core + <UserButton>': `export { clerkPlugin } from 'portico'\nexport { UserButton } from 'portico/components'`,
  'core + <UserProfile>': `export { clerkPlugin } from 'portico'\nexport { UserProfile } from 'portico/components'`,
  'core + control components': `export { clerkPlugin } from 'portico'\nexport { SignedIn, SignedOut, Protect, Show, ClerkLoaded, ClerkLoading, SignInButton, SignUpButton, SignOutButton, RedirectToSignIn, RedirectToSignUp } from 'portico/components'`,
  'core + the issue 6 components': `export { clerkPlugin } from 'portico'\nexport { SignIn, SignUp, UserButton, UserProfile, SignedIn, SignedOut, Protect, Show, ClerkLoaded, ClerkLoading, SignInButton, SignUpButton, SignOutButton, RedirectToSignIn, RedirectToSignUp } from 'portico/components'`,
  'core + every component': `export * from 'portico'\nexport * from 'portico/components'`,
}

/** Budgets from issue 6, in KB of min+gzip JavaScript. */
export const BUDGETS = { 'core + <SignIn>': 35, 'core + every component': 70 }

// EXTRA_EXTERNAL=zod leaves more packages out, to see what they weigh (a package and its subpaths)
const extraExternal = (process.env.EXTRA_EXTERNAL ?? '').split(',').filter(Boolean)
const escape = name => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Left out of every app bundle: the frameworks the app already has (and EXTRA_EXTERNAL). */
export const EXTERNAL = ['vue', 'pinia', 'vue-router', /^@vue\//, ...extraExternal.map(name => new RegExp(`^${escape(name)}(?:/|$)`))]

/** The same list in esbuild's form (names and `name/*` patterns, no regular expressions). */
const ESBUILD_EXTERNAL = ['vue', 'pinia', 'vue-router', '@vue/*', ...extraExternal.flatMap(name => [name, `${name}/*`])]

/**
 * Builds the package into a scratch folder inside the repository (so that its bare imports, zod
 * and the rest, resolve to node_modules and package.json's `sideEffects` applies, as it does for an
 * installed package) and returns the folder and a function that removes it.
 */
export async function buildPackage() {
  // as `vite build` (npm run build) does before it loads vite.config.ts: Vue's template compiler
  // picks its production build from NODE_ENV when first loaded, and without this it compiled the
  // templates for development (comments and `v-if` placeholders kept) unlike the published build
  process.env.NODE_ENV ??= 'production'
  await mkdir(join(root, '.portico'), { recursive: true })
  const dir = await mkdtemp(join(root, '.portico', 'size-'))
  const { config } = await loadConfigFromFile({ command: 'build', mode: 'production' }, join(root, 'vite.config.ts'), root, 'silent')
  await build({ ...config, configFile: false, logLevel: 'silent', build: { ...config.build, outDir: join(dir, 'dist'), emptyOutDir: true } })
  return { dir, dist: join(dir, 'dist'), cleanup: () => rm(dir, { recursive: true, force: true }) }
}

/**
 * Builds one app bundle against the built package and returns its chunks: the entry, the chunks
 * it imports statically, and the chunks loaded later (defineAsyncComponent), each with its code and
 * the package modules in it. It is an app build (an entry whose exports are kept), not a library
 * build: Vite leaves the whitespace of a library's ES output unminified for the app to minify later,
 * which made every figure here about 15 % larger than what an app ships.
 */
export async function buildBundle(pkg, name, { minify = true } = {}) {
  const entry = join(pkg.dir, `${name.replace(/\W+/g, '-')}.js`)
  await writeFile(entry, BUNDLES[name])
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    resolve: {
      alias: [
        { find: /^portico\/components$/, replacement: join(pkg.dist, 'components.js') },
        { find: /^portico$/, replacement: join(pkg.dist, 'portico.js') },
      ],
    },
    // what an app's production build does: development-only branches go
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify,
      rolldownOptions: { input: entry, external: EXTERNAL, preserveEntrySignatures: 'exports-only' },
    },
  })
  const chunks = (Array.isArray(result) ? result : [result]).flatMap(output => output.output).filter(output => output.type === 'chunk')
  const initial = new Set()
  const visit = (fileName) => {
    if (initial.has(fileName))
      return
    initial.add(fileName)
    chunks.find(chunk => chunk.fileName === fileName)?.imports.forEach(visit)
  }
  chunks.filter(chunk => chunk.isEntry).forEach(chunk => visit(chunk.fileName))
  return chunks.map(chunk => ({ fileName: chunk.fileName, initial: initial.has(chunk.fileName), code: chunk.code, modules: chunk.modules }))
}

/**
 * The same app bundle built by esbuild (bundled, minified, split at `import()`), as a cross-check
 * that the figures do not hang on one bundler's minifier; same result shape as `buildBundle`.
 */
export async function buildBundleWithEsbuild(pkg, name) {
  const entry = join(pkg.dir, `${name.replace(/\W+/g, '-')}.js`)
  await writeFile(entry, BUNDLES[name])
  const result = await esbuild({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    write: false,
    outdir: join(pkg.dir, 'esbuild-out'),
    metafile: true,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: { 'portico/components': join(pkg.dist, 'components.js'), 'portico': join(pkg.dist, 'portico.js') },
    external: ESBUILD_EXTERNAL,
  })
  const outputs = result.metafile.outputs
  const key = file => relative(root, file.path)
  // what the page loads at once (static imports from the entry) and what it can load later (`import()`);
  // esbuild also emits every `import()` target it saw, even in code it dropped: those chunks are never
  // fetched and are left out
  const walk = (kinds) => {
    const seen = new Set()
    const visit = (file) => {
      if (seen.has(file))
        return
      seen.add(file)
      outputs[file]?.imports.filter(imported => kinds.includes(imported.kind) && !imported.external).forEach(imported => visit(imported.path))
    }
    Object.entries(outputs).filter(([, output]) => output.entryPoint === relative(root, entry)).forEach(([file]) => visit(file))
    return seen
  }
  const initial = walk(['import-statement'])
  const reachable = walk(['import-statement', 'dynamic-import'])
  return result.outputFiles.filter(file => reachable.has(key(file))).map(file => ({ fileName: key(file), initial: initial.has(key(file)), code: file.text, modules: {} }))
}
