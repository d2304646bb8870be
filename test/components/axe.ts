import axe from 'axe-core'
import { expect } from 'vitest'

// rules about whole documents (landmarks, the page's h1) do not apply to a component on its own
const DOCUMENT_RULES = ['region', 'page-has-heading-one', 'landmark-one-main', 'html-has-lang', 'document-title', 'color-contrast']

/** Runs axe-core on `element` and fails with the violations' ids and targets when there are any. */
export async function expectNoAxeViolations(element: Element): Promise<void> {
  const results = await axe.run(element, {
    rules: Object.fromEntries(DOCUMENT_RULES.map(rule => [rule, { enabled: false }])),
  })
  const violations = results.violations.map(violation => `${violation.id}: ${violation.nodes.map(node => node.target.join(' ')).join(', ')}`)
  expect(violations).toEqual([])
}
