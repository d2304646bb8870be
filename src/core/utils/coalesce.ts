/**
 * Wraps `task` so that a burst of calls costs at most two runs: the first call starts it, calls made
 * while it runs share one follow-up run after it (which sees whatever changed meanwhile). The returned
 * promise settles once no run is left; it never rejects: a failed run is dropped, the next call retries.
 */
export function coalesce(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined
  let again = false
  const loop = async (): Promise<void> => {
    do {
      again = false
      try {
        await task()
      }
      catch {}
    } while (again)
    running = undefined
  }
  return () => {
    if (running)
      again = true
    return running ??= loop()
  }
}
