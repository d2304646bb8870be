// The block structure of QR code versions 1–20 at error-correction level M (ISO/IEC 18004 table 9).
// Level M recovers about 15 % of damaged codewords: the usual choice for codes shown on screens.

/** The highest version this encoder builds (97 × 97 modules, 666 bytes). */
export const MAX_VERSION = 20

// index = version - 1
const EC_CODEWORDS_PER_BLOCK = [10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26]
const BLOCKS = [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16]

/** Side of a version's symbol, in modules. */
export function symbolSize(version: number): number {
  return version * 4 + 17
}

/** Centres of the alignment patterns along one axis (none for version 1). */
export function alignmentCentres(version: number): number[] {
  if (version === 1)
    return []
  const count = Math.floor(version / 7) + 2
  const last = symbolSize(version) - 7
  // evenly spaced back from the far edge, with an even step; the first one always sits at 6
  const step = Math.ceil((last - 6) / (count - 1) / 2) * 2
  const centres = [6]
  for (let i = count - 2; i >= 0; i--)
    centres.push(last - i * step)
  return centres
}

/** Modules left for data and error correction once the function patterns are placed. */
function dataModules(version: number): number {
  const size = symbolSize(version)
  // everything, minus three finders with separators and format areas (3·64 + 2·15 + 1 dark module) and the timing rows
  let modules = size * size - 3 * 64 - 31 - 2 * (size - 16)
  if (version >= 2) {
    const count = Math.floor(version / 7) + 2
    // alignment patterns (three would overlap finders), less their overlap with the timing rows
    modules -= (count * count - 3) * 25 - (count - 2) * 2 * 5
  }
  if (version >= 7)
    modules -= 2 * 18
  return modules
}

/** How one version splits its codewords. */
export interface BlockLayout {
  /** Data and error-correction codewords together (leftover bits are zero filler). */
  totalCodewords: number
  /** Data codewords, summed over the blocks. */
  dataCodewords: number
  /** Error-correction codewords per block. */
  ecPerBlock: number
  /** Data codewords of each block, short blocks first. */
  blockSizes: number[]
}

/** The block layout of `version` at level M. */
export function blockLayout(version: number): BlockLayout {
  const totalCodewords = Math.floor(dataModules(version) / 8)
  const ecPerBlock = EC_CODEWORDS_PER_BLOCK[version - 1]!
  const blocks = BLOCKS[version - 1]!
  const dataCodewords = totalCodewords - ecPerBlock * blocks
  const short = Math.floor(dataCodewords / blocks)
  const longBlocks = dataCodewords % blocks
  const blockSizes = Array.from({ length: blocks }, (_, i) => short + (i >= blocks - longBlocks ? 1 : 0))
  return { totalCodewords, dataCodewords, ecPerBlock, blockSizes }
}

/** Bits of the byte-mode character count: 8 up to version 9, 16 from version 10. */
export function countBits(version: number): number {
  return version < 10 ? 8 : 16
}

/** The most bytes one version holds in byte mode at level M. */
export function byteCapacity(version: number): number {
  // mode (4 bits) and count, rounded down to whole bytes
  return blockLayout(version).dataCodewords - Math.ceil((4 + countBits(version)) / 8)
}
