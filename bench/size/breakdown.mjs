// Where the bytes of a bundle come from: builds one of bench/size's bundles as bench/size does (the
// published build of the package, then an app built for production), then attributes the output to
// module groups (a dependency, or a folder of the package: `core/fapi`). Run:
//   node bench/size/breakdown.mjs ["core + <SignIn>"] [--modules] [--depth 2]
// For each group: its minified bytes (each module minified on its own by esbuild) and its marginal
// gzip cost (gzip of everything minus gzip of everything but the group), which is what removing it
// would save, give or take the cross-module compression gzip finds.
import { relative } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { transform } from 'esbuild'
import { buildBundle, buildPackage, BUNDLES, root } from './buildBundles.mjs'

const gzip = text => gzipSync(text, { level: 9 }).length

/** The group a module belongs to: `zod`, `@scope/name`, or its package folder `depth` levels deep (`core/fapi`). */
function groupOf(id, dist, depth) {
  const path = id.replace(/\?.*$/, '')
  const nodeModules = path.lastIndexOf('node_modules/')
  if (nodeModules !== -1) {
    const parts = path.slice(nodeModules + 'node_modules/'.length).split('/')
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]
  }
  if (path.startsWith('\0') || !path.startsWith(dist))
    return '(runtime helpers)'
  return relative(dist, path).split('/').slice(0, depth).join('/')
}

/** Builds `name` against the built package, unminified, then minifies and gzips every module on its own. */
export async function breakdown(name, { depth = 2 } = {}) {
  const pkg = await buildPackage()
  try {
    const chunks = await buildBundle(pkg, name, { minify: false })
    const modules = []
    for (const chunk of chunks) {
      for (const [id, module] of Object.entries(chunk.modules)) {
        if (!module.code)
          continue
        const { code } = await transform(module.code, { minify: true, loader: 'js', format: 'esm', target: 'es2022' }).catch(() => ({ code: module.code }))
        const where = id.startsWith(pkg.dist) ? relative(pkg.dist, id) : relative(root, id)
        modules.push({ id: where, group: groupOf(id, pkg.dist, depth), chunk: chunk.initial ? 'initial' : chunk.fileName, min: code })
      }
    }
    const all = modules.map(module => module.min).join('\n')
    const total = gzip(all)
    const groups = new Map()
    for (const module of modules) {
      const group = groups.get(module.group) ?? { group: module.group, minBytes: 0, modules: [] }
      group.minBytes += module.min.length
      group.modules.push(module)
      groups.set(module.group, group)
    }
    const rows = [...groups.values()].map(group => ({
      group: group.group,
      modules: group.modules.length,
      minBytes: group.minBytes,
      marginalGzipBytes: total - gzip(modules.filter(module => module.group !== group.group).map(module => module.min).join('\n')),
    })).sort((a, b) => b.marginalGzipBytes - a.marginalGzipBytes)
    const largest = modules.map(module => ({ id: module.id, chunk: module.chunk, minBytes: module.min.length, gzipBytes: gzip(module.min) }))
      .sort((a, b) => b.minBytes - a.minBytes)
    return { bundle: name, totalGzipBytes: total, totalMinBytes: all.length, groups: rows, modules: largest }
  }
  finally {
    await pkg.cleanup()
  }
}

async function main() {
  const args = process.argv.slice(2)
  const depthAt = args.indexOf('--depth')
  const depth = depthAt === -1 ? 2 : Number(args[depthAt + 1])
  const name = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--depth') ?? 'core + <SignIn>'
  if (!(name in BUNDLES)) {
    console.error(`unknown bundle "${name}"; one of: ${Object.keys(BUNDLES).join(', ')}`)
    process.exitCode = 1
    return
  }
  const kb = bytes => `${(bytes / 1024).toFixed(1)} KB`
  const result = await breakdown(name, { depth })
  console.log(`${name}: ${kb(result.totalMinBytes)} min, ${kb(result.totalGzipBytes)} gzip (modules minified one by one, so a little above the real bundle)\n`)
  console.log('group'.padEnd(48), 'modules'.padStart(8), 'min'.padStart(10), 'gzip cost'.padStart(10))
  for (const row of result.groups)
    console.log(row.group.padEnd(48), String(row.modules).padStart(8), kb(row.minBytes).padStart(10), kb(row.marginalGzipBytes).padStart(10))
  if (args.includes('--modules')) {
    console.log(`\n${'module'.padEnd(64)} ${'chunk'.padEnd(24)} ${'min'.padStart(9)} ${'gzip'.padStart(9)}`)
    for (const module of result.modules)
      console.log(module.id.padEnd(64), module.chunk.padEnd(24), kb(module.minBytes).padStart(9), kb(module.gzipBytes).padStart(9))
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  main()
