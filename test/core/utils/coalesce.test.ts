import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { coalesce } from '../../../src/core/utils/coalesce'

/** A task whose runs wait until the test releases them, counting how many started. */
function gatedTask(fail = false) {
  const releases: (() => void)[] = []
  const task = {
    runs: 0,
    run: (): Promise<void> => {
      task.runs++
      return new Promise<void>((resolve, reject) => {
        releases.push(() => (fail ? reject(new Error('offline')) : resolve()))
      })
    },
    releaseNext: () => releases.shift()!(),
  }
  return task
}

describe('coalesce', () => {
  it('runs once per call when calls do not overlap', async () => {
    const task = gatedTask()
    const call = coalesce(task.run)
    const first = call()
    task.releaseNext()
    await first
    const second = call()
    task.releaseNext()
    await second
    expect(task.runs).toBe(2)
  })

  it('turns a burst of calls during a run into one follow-up run', async () => {
    const task = gatedTask()
    const call = coalesce(task.run)
    const calls = [call(), call(), call(), call()]
    expect(task.runs).toBe(1)
    task.releaseNext()
    await flushPromises()
    expect(task.runs).toBe(2)
    task.releaseNext()
    await Promise.all(calls)
    expect(task.runs).toBe(2)
  })

  it('resolves every call only after the follow-up run', async () => {
    const task = gatedTask()
    const call = coalesce(task.run)
    let settled = false
    void call()
    void call().then(() => {
      settled = true
    })
    task.releaseNext()
    await flushPromises()
    expect(settled).toBe(false)
    task.releaseNext()
    await flushPromises()
    expect(settled).toBe(true)
  })

  it('drops a failed run and starts afresh on the next call', async () => {
    const task = gatedTask(true)
    const call = coalesce(task.run)
    const first = call()
    task.releaseNext()
    await expect(first).resolves.toBeUndefined()
    const second = call()
    expect(task.runs).toBe(2)
    task.releaseNext()
    await second
  })
})
