import { alignmentCentres, symbolSize } from './qrVersions'

/** A QR symbol under construction: `dark` per module, and which modules are function patterns. */
export interface QrMatrix {
  size: number
  /** Row-major, `size * size`: 1 for a dark module. */
  dark: Uint8Array
  /** Row-major: 1 where a function pattern (finder, timing, alignment, format, version) sits. */
  reserved: Uint8Array
}

function set(matrix: QrMatrix, row: number, col: number, dark: boolean): void {
  const index = row * matrix.size + col
  matrix.dark[index] = dark ? 1 : 0
  matrix.reserved[index] = 1
}

function finder(matrix: QrMatrix, top: number, left: number): void {
  // 7×7 rings (dark, light, 3×3 dark core) inside a one-module light separator
  for (let dy = -1; dy <= 7; dy++) {
    for (let dx = -1; dx <= 7; dx++) {
      const row = top + dy
      const col = left + dx
      if (row < 0 || col < 0 || row >= matrix.size || col >= matrix.size)
        continue
      const ring = Math.max(Math.abs(dy - 3), Math.abs(dx - 3))
      set(matrix, row, col, ring !== 2 && ring !== 4)
    }
  }
}

function alignment(matrix: QrMatrix, row: number, col: number): void {
  for (let dy = -2; dy <= 2; dy++) {
    for (let dx = -2; dx <= 2; dx++)
      set(matrix, row + dy, col + dx, Math.max(Math.abs(dy), Math.abs(dx)) !== 1)
  }
}

/** BCH(15,5) format information of level M with `mask`, masked with 0x5412 so it is never all light. */
export function formatBits(mask: number): number {
  // level M is 00, so the data bits are the mask number alone
  let remainder = mask
  for (let i = 0; i < 10; i++)
    remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537)
  return ((mask << 10) | remainder) ^ 0x5412
}

/** BCH(18,6) version information (versions 7 and up). */
export function versionBits(version: number): number {
  let remainder = version
  for (let i = 0; i < 12; i++)
    remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25)
  return (version << 12) | remainder
}

/** Writes the two copies of the format information (bit numbers as in the spec, 14 the most significant). */
export function placeFormat(matrix: QrMatrix, mask: number): void {
  const bits = formatBits(mask)
  const bit = (i: number): boolean => ((bits >> i) & 1) === 1
  const last = matrix.size - 1
  // around the top-left finder: up column 8 (bits 0–7, stepping over the timing row), then left along row 8
  for (let i = 0; i <= 5; i++)
    set(matrix, i, 8, bit(i))
  set(matrix, 7, 8, bit(6))
  set(matrix, 8, 8, bit(7))
  set(matrix, 8, 7, bit(8))
  for (let i = 9; i < 15; i++)
    set(matrix, 8, 14 - i, bit(i))
  // the copy: along row 8 under the top-right finder, and down column 8 beside the bottom-left one
  for (let i = 0; i < 8; i++)
    set(matrix, 8, last - i, bit(i))
  for (let i = 8; i < 15; i++)
    set(matrix, last - 14 + i, 8, bit(i))
  // the dark module, always dark
  set(matrix, last - 7, 8, true)
}

function placeVersion(matrix: QrMatrix, version: number): void {
  if (version < 7)
    return
  const bits = versionBits(version)
  for (let i = 0; i < 18; i++) {
    const dark = ((bits >> i) & 1) === 1
    const a = matrix.size - 11 + (i % 3)
    const b = Math.floor(i / 3)
    set(matrix, b, a, dark)
    set(matrix, a, b, dark)
  }
}

/** An empty symbol of `version` with every function pattern in place (format bits for mask 0 as a placeholder). */
export function createMatrix(version: number): QrMatrix {
  const size = symbolSize(version)
  const matrix: QrMatrix = { size, dark: new Uint8Array(size * size), reserved: new Uint8Array(size * size) }
  for (let i = 0; i < size; i++) {
    set(matrix, 6, i, i % 2 === 0)
    set(matrix, i, 6, i % 2 === 0)
  }
  finder(matrix, 0, 0)
  finder(matrix, 0, size - 7)
  finder(matrix, size - 7, 0)
  const centres = alignmentCentres(version)
  for (const row of centres) {
    for (const col of centres) {
      // the three corners taken by finders get none
      const nearFinder = (row === 6 && col === 6) || (row === 6 && col === size - 7) || (row === size - 7 && col === 6)
      if (!nearFinder)
        alignment(matrix, row, col)
    }
  }
  placeFormat(matrix, 0)
  placeVersion(matrix, version)
  return matrix
}

/** Lays `codewords` out in the zigzag order of the spec: two-module columns, right to left, up then down. */
export function placeCodewords(matrix: QrMatrix, codewords: Uint8Array): void {
  const { size } = matrix
  let bit = 0
  for (let right = size - 1; right >= 1; right -= 2) {
    // the vertical timing pattern shifts every column pair left of it by one
    if (right === 6)
      right = 5
    const upward = ((size - 1 - right) >> 1) % 2 === 0
    for (let step = 0; step < size; step++) {
      const row = upward ? size - 1 - step : step
      for (const col of [right, right - 1]) {
        const index = row * size + col
        if (matrix.reserved[index])
          continue
        // what is left after the last codeword stays light (remainder bits)
        const byte = codewords[bit >> 3] ?? 0
        matrix.dark[index] = (byte >> (7 - (bit & 7))) & 1
        bit++
      }
    }
  }
}

const MASKS: ((row: number, col: number) => boolean)[] = [
  (r, c) => (r + c) % 2 === 0,
  r => r % 2 === 0,
  (_, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0,
]

/** Flips the data modules `mask` selects (applying it twice undoes it). */
export function applyMask(matrix: QrMatrix, mask: number): void {
  const test = MASKS[mask]!
  for (let row = 0; row < matrix.size; row++) {
    for (let col = 0; col < matrix.size; col++) {
      const index = row * matrix.size + col
      if (!matrix.reserved[index] && test(row, col))
        matrix.dark[index]! ^= 1
    }
  }
}
