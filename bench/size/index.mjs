// Bundle sizes of the SDK as an app ships it: the package built as it is published, then one app
// bundle per row importing `portico` / `portico/components`, built for production (NODE_ENV=production,
// minified), vue, pinia and vue-router left out; sizes are gzip -9 of the JavaScript. `initial` is what
// a page loads with the component, `total` adds the chunks it loads later (defineAsyncComponent);
// budgets are judged on the total. Run: node bench/size/index.mjs [--json] [--esbuild]
// --esbuild builds the same apps with esbuild instead of Vite, as a cross-check of the minifier.
// EXTRA_EXTERNAL=zod leaves more packages out, to see what they weigh.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { BUDGETS, buildBundle, buildBundleWithEsbuild, buildPackage, BUNDLES } from './buildBundles.mjs'

const gzip = text => gzipSync(text, { level: 9 }).length
const kb = bytes => Math.round(bytes / 102.4) / 10

/** Builds the package, then every bundle, and returns the sizes in KB. */
export async function measureBundles({ bundler = 'vite' } = {}) {
  const pkg = await buildPackage()
  try {
    const cssGzipKB = kb(gzip(await readFile(join(pkg.dist, 'portico.css'), 'utf8')))
    const rows = []
    for (const name of Object.keys(BUNDLES)) {
      const chunks = bundler === 'esbuild' ? await buildBundleWithEsbuild(pkg, name) : await buildBundle(pkg, name)
      const sum = list => ({ min: list.reduce((total, chunk) => total + Buffer.byteLength(chunk.code), 0), gzip: list.reduce((total, chunk) => total + gzip(chunk.code), 0) })
      const initial = sum(chunks.filter(chunk => chunk.initial))
      const total = sum(chunks)
      rows.push({
        bundle: name,
        jsMinKB: kb(total.min),
        initialGzipKB: kb(initial.gzip),
        jsGzipKB: kb(total.gzip),
        lazyChunks: chunks.filter(chunk => !chunk.initial).length,
        cssGzipKB,
        budgetKB: BUDGETS[name] ?? null,
      })
    }
    return rows
  }
  finally {
    await pkg.cleanup()
  }
}

function print(rows) {
  console.log('bundle'.padEnd(34), 'js min'.padStart(9), 'initial'.padStart(9), 'total'.padStart(9), 'lazy'.padStart(5), 'budget'.padStart(8))
  for (const row of rows) {
    const verdict = row.budgetKB === null ? '' : row.jsGzipKB <= row.budgetKB ? '  PASS' : '  MISS'
    console.log(row.bundle.padEnd(34), `${row.jsMinKB} KB`.padStart(9), `${row.initialGzipKB} KB`.padStart(9), `${row.jsGzipKB} KB`.padStart(9), String(row.lazyChunks).padStart(5), (row.budgetKB === null ? '' : `${row.budgetKB} KB`).padStart(8), verdict)
  }
  console.log(`\nmin+gzip JavaScript; initial = entry chunk, total = with the lazily loaded chunks; the stylesheet is ${rows[0]?.cssGzipKB} KB gzip`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bundler = process.argv.includes('--esbuild') ? 'esbuild' : 'vite'
  measureBundles({ bundler }).then((rows) => {
    if (process.argv.includes('--json'))
      console.log(JSON.stringify(rows, null, 2))
    else
      print(rows)
  })
}
