/** Progress lines on stdout, each with the time since the bench started, so a long run shows where it is. */
const startedAt = Date.now();

export function elapsed(): string {
  const seconds = Math.floor((Date.now() - startedAt) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function progress(line: string): void {
  process.stdout.write(`[bench ${elapsed()}] ${line}\n`);
}

/**
 * Polls `probe` every `intervalMs` until it reports done, printing its state at most every `everyMs`; fails after
 * `timeoutMs` with the last state seen. Returns the time (performance.now()) at which done was first seen.
 */
export async function waitUntil(
  what: string,
  probe: () => Promise<{ done: boolean; state: string }>,
  options: { timeoutMs: number; intervalMs?: number; everyMs?: number },
): Promise<number> {
  const deadline = Date.now() + options.timeoutMs;
  let lastPrinted = Date.now();
  let state = 'nothing yet';
  for (;;) {
    const seen = await probe();
    state = seen.state;
    if (seen.done) return performance.now();
    if (Date.now() - lastPrinted >= (options.everyMs ?? 5_000)) {
      progress(`  ${what}: ${state}`);
      lastPrinted = Date.now();
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last seen: ${state})`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
  }
}

/** Runs `work` over `items` with at most `concurrency` in flight; the first failure stops the run. */
export async function inPool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}
