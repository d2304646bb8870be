import { describe, expect, it } from 'vitest'

// The server imports src/contract too: it must stay free of Vue, DOM-only APIs and Node built-ins.
const sources = import.meta.glob<string>('../../src/contract/**/*.ts', { query: '?raw', import: 'default', eager: true })

function importsOf(source: string): string[] {
  return [...source.matchAll(/^\s*(?:import|export)\s[^'"]*from\s+['"]([^'"]+)['"]/gm)].map(match => match[1]!)
}

describe('src/contract boundaries', () => {
  it('finds the contract sources', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20)
  })

  // zod/mini, not classic zod: classic drags its whole method surface (and JSON Schema export) into every app bundle
  it.each(Object.entries(sources))('%s imports only zod/mini and relative modules', (_, source) => {
    const foreign = importsOf(source).filter(specifier => specifier !== 'zod/mini' && !specifier.startsWith('.'))
    expect(foreign).toEqual([])
  })

  it.each(Object.entries(sources))('%s uses no DOM-only or Node-only globals', (_, source) => {
    expect(source).not.toMatch(/\b(?:window|document|localStorage|sessionStorage|navigator|process|Buffer|require)[.(]/)
  })
})
