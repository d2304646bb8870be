import { describe, expect, it } from 'vitest'
import { camelize } from '../../../src/core/utils/camelize'

describe('camelize', () => {
  it('camelCases keys deeply, through arrays', () => {
    expect(camelize({ first_name: 'a', nested_list: [{ inner_key: 1 }] })).toEqual({ firstName: 'a', nestedList: [{ innerKey: 1 }] })
  })

  it('keeps the keys of data-keyed maps but converts their values', () => {
    const out = camelize({ attributes: { email_address: { used_for_first_factor: true } } }, new Set(['attributes']))
    expect(out).toEqual({ attributes: { email_address: { usedForFirstFactor: true } } })
  })

  it('leaves primitives and null alone', () => {
    expect(camelize({ a_b: null, c_d: 0, e_f: 'x_y' })).toEqual({ aB: null, cD: 0, eF: 'x_y' })
  })
})
