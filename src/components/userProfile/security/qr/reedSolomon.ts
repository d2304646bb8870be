// Reed-Solomon error correction over GF(256) as QR codes use it (ISO/IEC 18004 section 7.5):
// the field is built on the primitive polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D), generator roots
// are α^0 … α^(n-1).

const EXP = new Uint8Array(512)
const LOG = new Uint8Array(256)
let value = 1
for (let i = 0; i < 255; i++) {
  EXP[i] = value
  LOG[value] = i
  value <<= 1
  if (value & 0x100)
    value ^= 0x11D
}
// doubled so a product's exponent sum never needs a modulo
for (let i = 255; i < 512; i++)
  EXP[i] = EXP[i - 255]!

/** Multiplies two field elements. */
export function gfMultiply(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : EXP[LOG[a]! + LOG[b]!]!
}

/** The field element α^power. */
export function gfPower(power: number): number {
  return EXP[power % 255]!
}

const generators = new Map<number, Uint8Array>()

/** The generator polynomial of `degree` error-correction codewords, highest power first (its leading 1 left out). */
function generator(degree: number): Uint8Array {
  let poly = generators.get(degree)
  if (poly)
    return poly
  // start from 1 and multiply by (x - α^i) for every root; subtraction is XOR in GF(256)
  poly = new Uint8Array(degree)
  poly[degree - 1] = 1
  let root = 1
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      poly[j] = gfMultiply(poly[j]!, root) ^ (j + 1 < degree ? poly[j + 1]! : 0)
    }
    root = gfMultiply(root, 2)
  }
  generators.set(degree, poly)
  return poly
}

/** The `degree` error-correction codewords of one block of data codewords (the remainder of data·x^degree ÷ generator). */
export function reedSolomonRemainder(data: ArrayLike<number>, degree: number): Uint8Array {
  const poly = generator(degree)
  const remainder = new Uint8Array(degree)
  for (let i = 0; i < data.length; i++) {
    const factor = data[i]! ^ remainder[0]!
    remainder.copyWithin(0, 1)
    remainder[degree - 1] = 0
    for (let j = 0; j < degree; j++)
      remainder[j]! ^= gfMultiply(poly[j]!, factor)
  }
  return remainder
}
