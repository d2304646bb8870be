// The component bundles (issue 6's budgets) measured by bench/size, as a section of `npm run bench`.
import { measureBundles } from '../size/index.mjs'

/** Runs bench/size and returns `{ bundles, targets }`, one target per bundle that has a budget (judged on the total, lazy chunks included). */
export async function componentSizes({ log = () => {} } = {}) {
  const bundles = await measureBundles()
  for (const row of bundles)
    log(`  ${row.bundle}: ${row.jsGzipKB} KB min+gzip${row.lazyChunks ? ` (${row.initialGzipKB} KB initially, ${row.lazyChunks} lazy chunk(s))` : ''}`)
  const targets = bundles.filter(row => row.budgetKB !== null).map(row => ({
    target: `${row.bundle} within ${row.budgetKB} KB min+gzip`,
    measured: `${row.jsGzipKB} KB`,
    goal: `≤ ${row.budgetKB} KB`,
    pass: row.jsGzipKB <= row.budgetKB,
  }))
  return { bundles, targets }
}
