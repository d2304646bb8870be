// A small QR decoder for tests, written apart from the encoder (its own tables, field arithmetic and
// traversal) so a symbol that decodes here follows the spec, not merely the encoder's own reading of it.
// It reads clean module grids only (no image processing) at error-correction level M, byte mode.

const ALIGNMENT: Record<number, number[]> = {
  1: [],
  2: [6, 18],
  3: [6, 22],
  4: [6, 26],
  5: [6, 30],
  6: [6, 34],
  7: [6, 22, 38],
  8: [6, 24, 42],
  9: [6, 26, 46],
  10: [6, 28, 50],
  11: [6, 30, 54],
  12: [6, 32, 58],
  13: [6, 34, 62],
  14: [6, 26, 46, 66],
  15: [6, 26, 48, 70],
  16: [6, 26, 50, 74],
  17: [6, 30, 54, 78],
  18: [6, 30, 56, 82],
  19: [6, 30, 58, 86],
  20: [6, 34, 62, 90],
}

// level M: [blocks, error-correction codewords per block], ISO/IEC 18004 table 9
const BLOCKS_M: Record<number, [number, number]> = {
  1: [1, 10],
  2: [1, 16],
  3: [1, 26],
  4: [2, 18],
  5: [2, 24],
  6: [4, 16],
  7: [4, 18],
  8: [4, 22],
  9: [5, 22],
  10: [5, 26],
  11: [5, 30],
  12: [8, 22],
  13: [9, 22],
  14: [9, 24],
  15: [10, 24],
  16: [10, 28],
  17: [11, 28],
  18: [13, 26],
  19: [14, 26],
  20: [16, 26],
}

/** What the decoder read. */
export interface DecodedQr {
  version: number
  level: 'L' | 'M' | 'Q' | 'H'
  mask: number
  text: string
}

function gfMul(a: number, b: number): number {
  // shift-and-add multiplication modulo 0x11D, no tables
  let product = 0
  while (b > 0) {
    if (b & 1)
      product ^= a
    a <<= 1
    if (a & 0x100)
      a ^= 0x11D
    b >>= 1
  }
  return product
}

function polyMod(value: number, valueBits: number, generator: number, generatorBits: number): number {
  for (let bit = valueBits - 1; bit >= generatorBits - 1; bit--) {
    if ((value >> bit) & 1)
      value ^= generator << (bit - (generatorBits - 1))
  }
  return value
}

function maskAt(mask: number, i: number, j: number): boolean {
  switch (mask) {
    case 0: return (i + j) % 2 === 0
    case 1: return i % 2 === 0
    case 2: return j % 3 === 0
    case 3: return (i + j) % 3 === 0
    case 4: return (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0
    case 5: return ((i * j) % 2) + ((i * j) % 3) === 0
    case 6: return (((i * j) % 2) + ((i * j) % 3)) % 2 === 0
    default: return (((i * j) % 3) + ((i + j) % 2)) % 2 === 0
  }
}

/** Decodes a square grid of modules (row-major, true = dark); throws on anything that is not a valid symbol. */
export function decodeQr(modules: boolean[], size: number): DecodedQr {
  const version = (size - 17) / 4
  if (!Number.isInteger(version) || !ALIGNMENT[version])
    throw new Error(`a ${size}-module symbol is not a version this decoder knows`)
  const at = (i: number, j: number): boolean => modules[i * size + j]!

  for (const [top, left] of [[0, 0], [0, size - 7], [size - 7, 0]] as const) {
    for (let i = 0; i < 7; i++) {
      for (let j = 0; j < 7; j++) {
        const onRing1 = i === 0 || i === 6 || j === 0 || j === 6
        const inCore = i >= 2 && i <= 4 && j >= 2 && j <= 4
        if (at(top + i, left + j) !== (onRing1 || inCore))
          throw new Error(`finder at ${top},${left} is broken at ${i},${j}`)
      }
    }
  }
  for (let k = 8; k < size - 8; k++) {
    if (at(6, k) !== (k % 2 === 0) || at(k, 6) !== (k % 2 === 0))
      throw new Error(`timing pattern broken at ${k}`)
  }
  if (!at(size - 8, 8))
    throw new Error('the dark module is light')

  // format information, most significant bit first, from both copies
  const first = [[8, 0], [8, 1], [8, 2], [8, 3], [8, 4], [8, 5], [8, 7], [8, 8], [7, 8], [5, 8], [4, 8], [3, 8], [2, 8], [1, 8], [0, 8]]
  const second = [[size - 1, 8], [size - 2, 8], [size - 3, 8], [size - 4, 8], [size - 5, 8], [size - 6, 8], [size - 7, 8], [8, size - 8], [8, size - 7], [8, size - 6], [8, size - 5], [8, size - 4], [8, size - 3], [8, size - 2], [8, size - 1]]
  const read = (cells: number[][]): number => cells.reduce((bits, [i, j]) => (bits << 1) | (at(i!, j!) ? 1 : 0), 0)
  const format = read(first)
  if (read(second) !== format)
    throw new Error('the two copies of the format information differ')
  const unmasked = format ^ 0x5412
  if (polyMod(unmasked, 15, 0x537, 11) !== 0)
    throw new Error('the format information fails its BCH check')
  const level = (['M', 'L', 'H', 'Q'] as const)[unmasked >> 13]!
  const mask = (unmasked >> 10) & 7
  if (version >= 7) {
    let bits = 0
    for (let k = 17; k >= 0; k--)
      bits = (bits << 1) | (at(Math.floor(k / 3), size - 11 + (k % 3)) ? 1 : 0)
    if (bits >> 12 !== version || polyMod(bits, 18, 0x1F25, 13) !== 0)
      throw new Error('the version information is wrong')
  }

  // which modules hold data
  const isFunction = (i: number, j: number): boolean => {
    if ((i < 9 && j < 9) || (i < 9 && j >= size - 8) || (i >= size - 8 && j < 9))
      return true
    if (i === 6 || j === 6)
      return true
    if (version >= 7 && ((i < 6 && j >= size - 11) || (j < 6 && i >= size - 11)))
      return true
    const centres = ALIGNMENT[version]!
    return centres.some(ci => centres.some((cj) => {
      const corner = (ci === 6 && cj === 6) || (ci === 6 && cj === size - 7) || (ci === size - 7 && cj === 6)
      return !corner && Math.abs(i - ci) <= 2 && Math.abs(j - cj) <= 2
    }))
  }

  const bits: number[] = []
  let i = size - 1
  let direction = -1
  for (let j = size - 1; j > 0; j -= 2) {
    if (j === 6)
      j--
    for (;;) {
      for (const col of [j, j - 1]) {
        if (!isFunction(i, col))
          bits.push((at(i, col) !== maskAt(mask, i, col)) ? 1 : 0)
      }
      const next = i + direction
      if (next < 0 || next >= size) {
        direction = -direction
        break
      }
      i = next
    }
  }
  const codewords: number[] = []
  for (let k = 0; k + 8 <= bits.length; k += 8)
    codewords.push(bits.slice(k, k + 8).reduce((byte, bit) => (byte << 1) | bit, 0))

  if (level !== 'M')
    throw new Error(`level ${level}: this decoder reads level M only`)
  const [blockCount, ecLength] = BLOCKS_M[version]!
  const dataTotal = codewords.length - blockCount * ecLength
  const longCount = dataTotal % blockCount
  const shortLength = Math.floor(dataTotal / blockCount)
  const blocks: number[][] = Array.from({ length: blockCount }, () => [])
  let cursor = 0
  for (let k = 0; k <= shortLength; k++) {
    for (let b = 0; b < blockCount; b++) {
      const length = shortLength + (b >= blockCount - longCount ? 1 : 0)
      if (k < length)
        blocks[b]!.push(codewords[cursor++]!)
    }
  }
  for (let k = 0; k < ecLength; k++) {
    for (const block of blocks)
      block.push(codewords[cursor++]!)
  }
  // every block is a codeword of the Reed-Solomon code: it vanishes at α^0 … α^(ec-1)
  let alpha = 1
  for (let root = 0; root < ecLength; root++) {
    for (const block of blocks) {
      const syndrome = block.reduce((acc, coefficient) => gfMul(acc, alpha) ^ coefficient, 0)
      if (syndrome !== 0)
        throw new Error(`a block fails its Reed-Solomon check (syndrome ${root})`)
    }
    alpha = gfMul(alpha, 2)
  }

  const data = blocks.flatMap(block => block.slice(0, block.length - ecLength))
  const stream = data.flatMap(byte => Array.from({ length: 8 }, (_, k) => (byte >> (7 - k)) & 1))
  let position = 0
  const take = (length: number): number => {
    let value = 0
    for (let k = 0; k < length; k++)
      value = (value << 1) | stream[position++]!
    return value
  }
  if (take(4) !== 0b0100)
    throw new Error('not a byte-mode segment')
  const count = take(version < 10 ? 8 : 16)
  const bytes = Uint8Array.from({ length: count }, () => take(8))
  if (position + 4 <= stream.length && take(4) !== 0)
    throw new Error('no terminator after the data')
  return { version, level, mask, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
}
