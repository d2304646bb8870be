import { describe, expect, it } from 'vitest'
import { createSemaphore } from '../src/utils/semaphore'

describe('semaphore', () => {
  it('runs at most `limit` tasks at once and refuses beyond the queue', async () => {
    const semaphore = createSemaphore(2, 1)
    let running = 0
    let peak = 0
    const release: (() => void)[] = []
    const task = () => new Promise<void>((resolve) => {
      running++
      peak = Math.max(peak, running)
      release.push(() => {
        running--
        resolve()
      })
    })
    const full = (): never => {
      throw new Error('full')
    }
    const first = semaphore.run(task, full)
    const second = semaphore.run(task, full)
    const third = semaphore.run(task, full)
    await expect(semaphore.run(task, full)).rejects.toThrow('full')
    await Promise.resolve()
    expect(running).toBe(2)
    release.shift()!()
    await first
    await new Promise(resolve => setImmediate(resolve))
    expect(running).toBe(2)
    release.splice(0).forEach(done => done())
    await new Promise(resolve => setImmediate(resolve))
    release.splice(0).forEach(done => done())
    await Promise.all([second, third])
    expect(peak).toBe(2)
  })
})
