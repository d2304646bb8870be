import type { QrMatrix } from './qrMatrix'

// finder-like runs (dark-light-dark×3-light-dark) with four light modules on one side (ISO/IEC 18004 7.8.3.1)
const FINDER_LIKE = [
  [1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0],
  [0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1],
]

function lineScore(line: Uint8Array): number {
  let score = 0
  let run = 1
  for (let i = 1; i <= line.length; i++) {
    if (i < line.length && line[i] === line[i - 1]) {
      run++
      continue
    }
    // rule 1: five or more modules of one colour in a row
    if (run >= 5)
      score += run - 2
    run = 1
  }
  // rule 3: patterns a scanner could mistake for a finder
  for (let start = 0; start + 11 <= line.length; start++) {
    for (const pattern of FINDER_LIKE) {
      if (pattern.every((value, k) => line[start + k] === value))
        score += 40
    }
  }
  return score
}

/** The spec's penalty for a masked symbol: the mask with the lowest one is the easiest to scan. */
export function maskPenalty({ size, dark }: QrMatrix): number {
  let score = 0
  const row = new Uint8Array(size)
  const col = new Uint8Array(size)
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      row[j] = dark[i * size + j]!
      col[j] = dark[j * size + i]!
    }
    score += lineScore(row) + lineScore(col)
  }
  // rule 2: every 2×2 block of one colour
  for (let r = 0; r + 1 < size; r++) {
    for (let c = 0; c + 1 < size; c++) {
      const v = dark[r * size + c]
      if (v === dark[r * size + c + 1] && v === dark[(r + 1) * size + c] && v === dark[(r + 1) * size + c + 1])
        score += 3
    }
  }
  // rule 4: 10 points per 5 % the dark share strays from one half
  let darkCount = 0
  for (const module of dark)
    darkCount += module
  score += Math.floor(Math.abs(darkCount * 20 - size * size * 10) / (size * size)) * 10
  return score
}
