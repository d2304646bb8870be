import { describe, expect, it } from 'vitest'
import { mergeAppearance, variablesToStyle } from '../../src/components/appearance'

describe('mergeAppearance', () => {
  it('defaults to the automatic base theme', () => {
    expect(mergeAppearance(undefined, undefined)).toEqual({ baseTheme: 'auto', variables: {}, elements: {} })
  })

  it('lets the component override variables and the base theme, and adds element classes together', () => {
    const merged = mergeAppearance(
      { baseTheme: 'light', variables: { colorPrimary: 'red', borderRadius: '2px' }, elements: { card: 'a', formButtonPrimary: 'btn' } },
      { baseTheme: 'dark', variables: { colorPrimary: 'blue' }, elements: { card: 'b' } },
    )
    expect(merged).toEqual({
      baseTheme: 'dark',
      variables: { colorPrimary: 'blue', borderRadius: '2px' },
      elements: { card: 'a b', formButtonPrimary: 'btn' },
    })
  })
})

describe('variablesToStyle', () => {
  it('maps each variable to a --portico-* custom property, skipping empty ones', () => {
    expect(variablesToStyle({ colorPrimary: '#6c47ff', colorInputBackground: 'white', fontFamily: '', borderRadius: '0' })).toEqual({
      '--portico-color-primary': '#6c47ff',
      '--portico-color-input-background': 'white',
      '--portico-border-radius': '0',
    })
  })
})
