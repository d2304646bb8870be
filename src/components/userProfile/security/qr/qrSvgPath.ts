import type { QrCode } from './encodeQr'

/**
 * An SVG path drawing the dark modules of `qr` (one unit per module, offset by `margin` for the
 * quiet zone), with horizontal runs merged so the path stays short.
 */
export function qrSvgPath(qr: QrCode, margin = 4): string {
  const parts: string[] = []
  for (let row = 0; row < qr.size; row++) {
    let col = 0
    while (col < qr.size) {
      if (!qr.modules[row * qr.size + col]) {
        col++
        continue
      }
      const start = col
      while (col < qr.size && qr.modules[row * qr.size + col])
        col++
      parts.push(`M${start + margin} ${row + margin}h${col - start}v1h${start - col}z`)
    }
  }
  return parts.join('')
}
