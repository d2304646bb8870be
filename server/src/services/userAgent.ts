/** What `/me/sessions/active` shows about the device behind a session. */
export interface DeviceInfo {
  browserName: string | null
  browserVersion: string | null
  deviceType: string | null
  isMobile: boolean
}

// order matters: Edge and Opera also say "Chrome", Chrome also says "Safari"
const BROWSERS: [string, RegExp][] = [
  ['Edge', /\bEdg(?:e|A|iOS)?\/([\d.]+)/],
  ['Opera', /\b(?:OPR|Opera)\/([\d.]+)/],
  ['Samsung Internet', /\bSamsungBrowser\/([\d.]+)/],
  ['Firefox', /\b(?:Firefox|FxiOS)\/([\d.]+)/],
  ['Chrome', /\b(?:Chrome|CriOS)\/([\d.]+)/],
  ['Safari', /\bVersion\/(\d+(?:\.\d+)*) (?:Mobile\/\w+ )?Safari\//],
]

/** A small, dependency-free reading of a User-Agent header: browser, version and device class. */
export function parseUserAgent(userAgent: string | null): DeviceInfo {
  if (!userAgent)
    return { browserName: null, browserVersion: null, deviceType: null, isMobile: false }
  let browserName: string | null = null
  let browserVersion: string | null = null
  for (const [name, pattern] of BROWSERS) {
    const match = pattern.exec(userAgent)
    if (match) {
      browserName = name
      browserVersion = match[1] ?? null
      break
    }
  }
  const tablet = /\biPad\b|\bTablet\b/.test(userAgent) || (/\bAndroid\b/.test(userAgent) && !/\bMobile\b/.test(userAgent))
  const mobile = !tablet && /\bMobile\b|\biPhone\b|\bAndroid\b/.test(userAgent)
  let deviceType: string
  if (tablet)
    deviceType = 'Tablet'
  else if (mobile)
    deviceType = /iPhone/.test(userAgent) ? 'iPhone' : 'Mobile'
  else
    deviceType = /Macintosh/.test(userAgent) ? 'Macintosh' : /Windows/.test(userAgent) ? 'Windows' : /Linux|X11/.test(userAgent) ? 'Linux' : 'Desktop'
  return { browserName, browserVersion, deviceType, isMobile: mobile }
}
