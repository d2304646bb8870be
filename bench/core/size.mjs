// Bundle sizes of the SDK: the framework-agnostic core (src/core/index.ts) and the whole package entry
// (src/index.ts), each bundled and minified by esbuild as ESM with the peer frameworks external, then
// gzipped (level 9) with node:zlib. NODE_ENV is defined as an app's production build defines it;
// dependencies (zod) are bundled in, as an application's bundler would, though production builds
// drop zod with the development-only contract checks. The development build is there for comparison.
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** The entries measured, with what each leaves external. */
export const SIZE_ENTRIES = [
  { name: 'core (src/core/index.ts)', entry: 'src/core/index.ts', external: ['vue', 'pinia'] },
  // for comparison: a development build keeps the zod contract checks
  { name: 'core, development build', entry: 'src/core/index.ts', external: ['vue', 'pinia'], nodeEnv: 'development' },
  { name: 'package (src/index.ts)', entry: 'src/index.ts', external: ['vue', 'pinia', 'vue-router'] },
]

async function measureEntry({ name, entry, external, nodeEnv = 'production' }) {
  try {
    const result = await build({
      absWorkingDir: root,
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      external,
      define: { 'process.env.NODE_ENV': JSON.stringify(nodeEnv) },
      write: false,
      logLevel: 'silent',
      metafile: true,
    })
    const code = result.outputFiles[0].contents
    // the largest inputs, so a regression names its cause
    const inputs = Object.entries(result.metafile.outputs[Object.keys(result.metafile.outputs)[0]].inputs)
      .map(([path, { bytesInOutput }]) => ({ path: path.replace(/^node_modules\//, ''), bytesInOutput }))
    const byPackage = new Map()
    for (const { path, bytesInOutput } of inputs) {
      const owner = path.startsWith('src/') ? 'src' : path.split('/').slice(0, path.startsWith('@') ? 2 : 1).join('/')
      byPackage.set(owner, (byPackage.get(owner) ?? 0) + bytesInOutput)
    }
    return {
      name,
      entry,
      external,
      minBytes: code.byteLength,
      gzipBytes: gzipSync(code, { level: 9 }).byteLength,
      minBytesByPackage: Object.fromEntries([...byPackage].sort((a, b) => b[1] - a[1])),
    }
  }
  catch (error) {
    return { name, entry, external, error: String(error.errors?.[0]?.text ?? error.message).split('\n')[0] }
  }
}

/** Builds every entry in memory and returns its minified and gzipped sizes (or the build error). */
export function coreSizes() {
  return Promise.all(SIZE_ENTRIES.map(measureEntry))
}
