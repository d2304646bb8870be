import type { Page } from 'playwright-core'

/** What the page recorded from its first paint: did signed-out markup ever enter the DOM? */
export interface SignedOutMarkupRecord {
  /** Every `[data-signed-out]` element's text that was ever attached, in order. */
  seen: string[]
  /** True once the observer ran (so an empty `seen` means something). */
  observing: boolean
}

declare global {
  interface Window {
    __signedOutMarkup?: SignedOutMarkupRecord
  }
}

/**
 * Installs (for every later navigation of `page`) a MutationObserver that starts before the app's
 * scripts and records each `[data-signed-out]` element attached to the document, however briefly.
 */
export async function watchSignedOutMarkup(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const record: SignedOutMarkupRecord = { seen: [], observing: false }
    window.__signedOutMarkup = record
    const check = (node: Node): void => {
      if (!(node instanceof Element))
        return
      const hits = node.matches('[data-signed-out]') ? [node] : [...node.querySelectorAll('[data-signed-out]')]
      for (const hit of hits)
        record.seen.push(hit.textContent?.trim() || hit.tagName)
    }
    new MutationObserver((mutations) => {
      for (const mutation of mutations)
        mutation.addedNodes.forEach(check)
    }).observe(document, { childList: true, subtree: true })
    record.observing = true
  })
}

/** Reads what `watchSignedOutMarkup` recorded on the current page. */
export async function readSignedOutMarkup(page: Page): Promise<SignedOutMarkupRecord | undefined> {
  return page.evaluate(() => window.__signedOutMarkup)
}
