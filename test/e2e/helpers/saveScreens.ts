import type { Page } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

/** Where the suites leave their screenshots for a reviewer (gitignored). */
export const SCREENSHOT_DIR = join(process.cwd(), 'results', 'screenshots')

/**
 * Saves the page as `<name>-light.png` and `<name>-dark.png` (the system colour scheme emulated),
 * then puts the light scheme back.
 */
export async function saveScreens(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme })
    // let the style change reach the next frame before the capture
    await page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))))
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${colorScheme}.png`), fullPage: true, animations: 'disabled' })
  }
}
