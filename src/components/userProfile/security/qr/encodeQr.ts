import { maskPenalty } from './maskPenalty'
import { applyMask, createMatrix, placeCodewords, placeFormat } from './qrMatrix'
import { blockLayout, byteCapacity, countBits, MAX_VERSION } from './qrVersions'
import { reedSolomonRemainder } from './reedSolomon'

/** A finished QR symbol: `size` × `size` modules, row-major, true for dark. */
export interface QrCode {
  version: number
  size: number
  /** The mask pattern chosen (0–7). */
  mask: number
  modules: boolean[]
}

/** Byte-mode data bits, terminated and padded to the version's data capacity. */
function dataCodewords(bytes: Uint8Array, version: number, capacity: number): Uint8Array {
  const out = new Uint8Array(capacity)
  let bit = 0
  const put = (value: number, length: number): void => {
    for (let i = length - 1; i >= 0; i--) {
      if ((value >> i) & 1)
        out[bit >> 3]! |= 0x80 >> (bit & 7)
      bit++
    }
  }
  put(0b0100, 4)
  put(bytes.length, countBits(version))
  for (const byte of bytes)
    put(byte, 8)
  // a terminator of up to four zero bits, then zero bits to the byte (already zero), then the pad bytes
  bit = Math.min(bit + 4, capacity * 8)
  for (let i = Math.ceil(bit / 8), pad = 0xEC; i < capacity; i++, pad ^= 0xEC ^ 0x11)
    out[i] = pad
  return out
}

/** Splits data into blocks, adds each block's error correction, and interleaves them as the spec orders. */
function interleave(data: Uint8Array, version: number): Uint8Array {
  const { totalCodewords, ecPerBlock, blockSizes } = blockLayout(version)
  const blocks: Uint8Array[] = []
  let offset = 0
  for (const length of blockSizes) {
    blocks.push(data.subarray(offset, offset + length))
    offset += length
  }
  const ec = blocks.map(block => reedSolomonRemainder(block, ecPerBlock))
  const out = new Uint8Array(totalCodewords)
  let i = 0
  for (let k = 0; k < Math.max(...blockSizes); k++) {
    for (const block of blocks) {
      if (k < block.length)
        out[i++] = block[k]!
    }
  }
  for (let k = 0; k < ecPerBlock; k++) {
    for (const block of ec)
      out[i++] = block[k]!
  }
  return out
}

/**
 * Encodes `text` (as UTF-8 bytes) into the smallest QR code of versions 1–20 at error-correction level
 * M, with the mask the spec's penalty rules prefer. Throws when the text needs more than 666 bytes.
 */
export function encodeQr(text: string): QrCode {
  const bytes = new TextEncoder().encode(text)
  let version = 1
  while (byteCapacity(version) < bytes.length) {
    if (++version > MAX_VERSION)
      throw new RangeError(`[portico] ${bytes.length} bytes do not fit in a QR code of version ${MAX_VERSION} (level M).`)
  }
  const codewords = interleave(dataCodewords(bytes, version, blockLayout(version).dataCodewords), version)
  const matrix = createMatrix(version)
  placeCodewords(matrix, codewords)
  let best = { mask: 0, penalty: Infinity }
  for (let mask = 0; mask < 8; mask++) {
    applyMask(matrix, mask)
    placeFormat(matrix, mask)
    const penalty = maskPenalty(matrix)
    if (penalty < best.penalty)
      best = { mask, penalty }
    applyMask(matrix, mask)
  }
  applyMask(matrix, best.mask)
  placeFormat(matrix, best.mask)
  return { version, size: matrix.size, mask: best.mask, modules: Array.from(matrix.dark, module => module === 1) }
}
