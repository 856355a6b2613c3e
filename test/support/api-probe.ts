/**
 * Sends one request again and again while a fault lasts and tallies the answers, so a test can say how the API
 * behaved during an outage: how many 503s (each with Retry-After?), how many other 5xx (there should be none), and
 * when it answered normally again.
 */
export interface ProbeAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

export interface ProbeTally {
  requests: number;
  byStatus: Record<number, number>;
  /** 503 answers, and those of them without a Retry-After header. */
  unavailable: number;
  unavailableWithoutRetryAfter: number;
  /** 5xx answers other than 503: errors the API should have mapped. */
  otherServerErrors: number;
  /** The first few unexpected answers, for the failure message. */
  samples: string[];
}

export interface Probe {
  tally(): ProbeTally;
  stop(): Promise<ProbeTally>;
}

export function startProbe(send: () => Promise<ProbeAnswer & { body?: unknown }>, intervalMs = 250): Probe {
  const tally: ProbeTally = {
    requests: 0,
    byStatus: {},
    unavailable: 0,
    unavailableWithoutRetryAfter: 0,
    otherServerErrors: 0,
    samples: [],
  };
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const answer = await send().catch((error: unknown) => ({ status: 0, headers: {}, body: String(error) }));
      record(tally, answer);
      // Unref'd: a probe a failed test never stopped must not keep jest from exiting.
      await new Promise((resolve) => setTimeout(resolve, intervalMs).unref());
    }
  })();
  const probe: Probe = {
    tally: () => ({ ...tally, byStatus: { ...tally.byStatus } }),
    async stop() {
      stopped = true;
      running.delete(probe);
      await loop;
      return tally;
    },
  };
  running.add(probe);
  return probe;
}

const running = new Set<Probe>();

/** Stops every probe still running (a test that failed before stopping its own): for `afterAll`. */
export async function stopProbes(): Promise<void> {
  await Promise.all([...running].map((probe) => probe.stop()));
}

function record(tally: ProbeTally, answer: ProbeAnswer & { body?: unknown }): void {
  tally.requests++;
  tally.byStatus[answer.status] = (tally.byStatus[answer.status] ?? 0) + 1;
  if (answer.status === 503) {
    tally.unavailable++;
    if (!answer.headers['retry-after']) tally.unavailableWithoutRetryAfter++;
  } else if (answer.status >= 500 || answer.status === 0) {
    tally.otherServerErrors++;
    if (tally.samples.length < 5) tally.samples.push(`${answer.status} ${JSON.stringify(answer.body)}`);
  }
}

/** `{ 200: 12, 503: 40 }` as `200×12, 503×40`. */
export const statusesOf = (tally: ProbeTally) =>
  Object.entries(tally.byStatus)
    .map(([status, n]) => `${status}×${n}`)
    .join(', ') || 'none';
