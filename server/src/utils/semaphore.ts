/** Runs at most `limit` tasks at once; at most `maxWaiting` more wait, further ones are refused. */
export interface Semaphore {
  /** Runs `task` when a slot is free; calls `onFull` (which should throw) when the queue is full. */
  run: <T>(task: () => Promise<T>, onFull: () => never) => Promise<T>
}

/** A counting semaphore with a bounded FIFO queue. */
export function createSemaphore(limit: number, maxWaiting: number): Semaphore {
  let active = 0
  const waiting: (() => void)[] = []
  return {
    async run(task, onFull) {
      if (active >= limit) {
        if (waiting.length >= maxWaiting)
          onFull()
        await new Promise<void>(resolve => waiting.push(resolve))
      }
      else {
        active++
      }
      try {
        return await task()
      }
      finally {
        // hand the slot straight to the next waiter, or free it
        const next = waiting.shift()
        if (next)
          next()
        else
          active--
      }
    },
  }
}
