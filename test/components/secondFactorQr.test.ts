// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { encodeQr } from '../../src/components/userProfile/security/qr/encodeQr'
import { formatBits, versionBits } from '../../src/components/userProfile/security/qr/qrMatrix'
import { qrSvgPath } from '../../src/components/userProfile/security/qr/qrSvgPath'
import { alignmentCentres, byteCapacity } from '../../src/components/userProfile/security/qr/qrVersions'
import { reedSolomonRemainder } from '../../src/components/userProfile/security/qr/reedSolomon'
import { decodeQr } from './qrDecoder'

const URI = 'otpauth://totp/Portico:ada%40example.com?issuer=Portico&secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30'

describe('qR encoder: known vectors', () => {
  it.each([
    // ISO/IEC 18004 annex I ("01234567", 1-M) and the classic "HELLO WORLD" 1-M walk-through
    [[16, 32, 12, 86, 97, 128, 236, 17, 236, 17, 236, 17, 236, 17, 236, 17], [165, 36, 212, 193, 237, 54, 199, 135, 44, 85]],
    [[32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17], [196, 35, 39, 119, 235, 215, 231, 226, 93, 23]],
  ])('computes the Reed-Solomon codewords of a published block', (data, ec) => {
    expect([...reedSolomonRemainder(data, 10)]).toEqual(ec)
  })

  it('produces the format information of level M for every mask', () => {
    const published = ['101010000010010', '101000100100101', '101111001111100', '101101101001011', '100010111111001', '100000011001110', '100111110010111', '100101010100000']
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(mask => formatBits(mask).toString(2).padStart(15, '0'))).toEqual(published)
  })

  it('produces the version information of versions 7 to 10', () => {
    expect([7, 8, 9, 10].map(versionBits)).toEqual([0x07C94, 0x085BC, 0x09A99, 0x0A4D3])
  })

  it('knows the byte capacity of every version at level M', () => {
    const published = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666]
    expect(published.map((_, i) => byteCapacity(i + 1))).toEqual(published)
  })

  it.each([[2, [6, 18]], [7, [6, 22, 38]], [10, [6, 28, 50]], [15, [6, 26, 48, 70]], [20, [6, 34, 62, 90]]])('places the alignment patterns of version %i', (version, centres) => {
    expect(alignmentCentres(version)).toEqual(centres)
  })
})

describe('qR encoder: symbols a decoder reads back', () => {
  it.each([
    ['a short text', 'portico', 1],
    ['a version-1 limit', 'x'.repeat(14), 1],
    ['one byte past it', 'x'.repeat(15), 2],
    ['an otpauth URI', URI, 8],
    ['UTF-8 text', 'Grüße, 東京! ✓', 2],
    ['a version-10 text (16-bit count)', 'y'.repeat(200), 10],
    ['a multi-block version-14 text', 'z'.repeat(350), 14],
    ['the version-20 limit', 'w'.repeat(666), 20],
  ])('round-trips %s', (_, text, version) => {
    const qr = encodeQr(text)
    expect(qr.version).toBe(version)
    expect(qr.size).toBe(version * 4 + 17)
    const decoded = decodeQr(qr.modules, qr.size)
    expect(decoded).toMatchObject({ version, level: 'M', mask: qr.mask, text })
  })

  it('picks different masks for different data (the penalty rules decide)', () => {
    const masks = new Set(['a', 'b', 'portico', URI, 'hello world', '12345678901234', 'otpauth://x'].map(text => encodeQr(text).mask))
    expect(masks.size).toBeGreaterThan(1)
  })

  it('refuses text beyond version 20', () => {
    expect(() => encodeQr('v'.repeat(667))).toThrow(RangeError)
  })

  it('draws one SVG rectangle per horizontal run of dark modules, inside the quiet zone', () => {
    const qr = encodeQr('portico')
    const path = qrSvgPath(qr)
    // the top row of a version-1 symbol: finder (7 dark), gap, finder again → runs 7 and 7, plus data modules between
    expect(path.startsWith('M4 4h7v1h-7z')).toBe(true)
    const drawn = [...path.matchAll(/h(\d+)v1/g)].reduce((sum, match) => sum + Number(match[1]), 0)
    expect(drawn).toBe(qr.modules.filter(Boolean).length)
  })
})
