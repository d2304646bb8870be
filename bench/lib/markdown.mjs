// Markdown tables for the terminal and the README.

/** A GitHub-flavoured Markdown table; `align` holds 'l' or 'r' per column (default: left). */
export function table(header, rows, align = []) {
  const cells = [header, ...rows].map(row => row.map(cell => String(cell ?? '')))
  const widths = header.map((_, i) => Math.max(3, ...cells.map(row => row[i].length)))
  const pad = (cell, i) => (align[i] === 'r' ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))
  const line = row => `| ${row.map(pad).join(' | ')} |`
  const rule = `|${widths.map((width, i) => (align[i] === 'r' ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n')
}

/** 12345 -> "12,345". */
export const int = value => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a')

/** Bytes as KB with one decimal (1 KB = 1,024 B, as bench/size and the README count). */
export const kb = bytes => `${(bytes / 1024).toFixed(1)} KB`
