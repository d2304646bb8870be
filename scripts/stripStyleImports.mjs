// After `vue-tsc -p tsconfig.build.json`: removes the stylesheet imports (`import './styles/portico.css';`)
// that declaration emit copies from the components' scripts into dist/types. They say nothing about
// types, and no stylesheet sits beside the declarations, so an app type-checking the package's
// declarations (`skipLibCheck: false`, or TypeScript's checks of side-effect imports) reported them
// as modules it cannot find. The stylesheet itself ships as `portico/style.css`.
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const STYLE_IMPORT = /^import ['"][^'"]+\.css['"];\n/gm
const types = fileURLToPath(new URL('../dist/types', import.meta.url))

let stripped = 0
for (const entry of await readdir(types, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts'))
    continue
  const file = join(entry.parentPath, entry.name)
  const text = await readFile(file, 'utf8')
  const clean = text.replace(STYLE_IMPORT, '')
  if (clean !== text) {
    await writeFile(file, clean)
    stripped++
  }
}
console.log(`stripStyleImports: ${stripped} declaration file(s) cleaned`)
