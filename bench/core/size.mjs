// Bundle sizes of the SDK: the framework-agnostic core (src/core/index.ts) and the whole package entry
// (src/index.ts), each bundled and minified by esbuild as ESM with the peer frameworks external, then
// gzipped (level 9) with node:zlib. Dependencies the package ships with (zod, ofetch, @vueuse/core)
// are bundled in, as an application's bundler would.
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** The entries measured, with what each leaves external. */
export const SIZE_ENTRIES = [
  { name: 'core (src/core/index.ts)', entry: 'src/core/index.ts', external: ['vue', 'pinia'] },
  // for context: Portico's own code in the core, with zod and ofetch left to the application
  { name: 'core, own code only', entry: 'src/core/index.ts', external: ['vue', 'pinia', 'zod', 'ofetch'] },
  { name: 'package (src/index.ts)', entry: 'src/index.ts', external: ['vue', 'pinia', 'vue-router'] },
]

async function measureEntry({ name, entry, external }) {
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
