import { describe, expect, it } from 'vitest'
import { createEmitter } from '../../../src/core/utils/createEmitter'

describe('createEmitter', () => {
  it('calls listeners in registration order with the payload', () => {
    const emitter = createEmitter<number>()
    const seen: string[] = []
    emitter.on(n => seen.push(`a${n}`))
    emitter.on(n => seen.push(`b${n}`))
    emitter.emit(1)
    expect(seen).toEqual(['a1', 'b1'])
  })

  it('keeps two registrations of one function independent', () => {
    const emitter = createEmitter<number>()
    const seen: number[] = []
    const listener = (n: number) => seen.push(n)
    const off = emitter.on(listener)
    emitter.on(listener)
    off()
    emitter.emit(7)
    expect(seen).toEqual([7])
  })

  it('lets a listener unsubscribe itself while emitting', () => {
    const emitter = createEmitter<number>()
    const seen: number[] = []
    const off = emitter.on((n) => {
      seen.push(n)
      off()
    })
    emitter.emit(1)
    emitter.emit(2)
    expect(seen).toEqual([1])
    expect(emitter.size).toBe(0)
  })

  it('reports a throwing listener and still calls the others', () => {
    const errors: unknown[] = []
    const emitter = createEmitter<number>(error => errors.push(error))
    const seen: number[] = []
    emitter.on(() => {
      throw new Error('boom')
    })
    emitter.on(n => seen.push(n))
    emitter.emit(3)
    expect(seen).toEqual([3])
    expect((errors[0] as Error).message).toBe('boom')
  })

  it('drops every listener on clear()', () => {
    const emitter = createEmitter<number>()
    const seen: number[] = []
    emitter.on(n => seen.push(n))
    emitter.clear()
    emitter.emit(1)
    expect(seen).toEqual([])
  })
})
