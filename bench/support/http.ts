/** The bench's HTTP client: one request to the API as a signed-in person, timed from send to the last byte read. */
export interface Answer {
  status: number;
  body: unknown;
  ms: number;
}

export async function call(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  token: string,
  body?: unknown,
): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: kept as text for the error message.
  }
  return { status: response.status, body: parsed, ms };
}

/** Fails with the answer when the status is not the expected one. */
export function expectStatus(answer: Answer, status: number, what: string): Answer {
  if (answer.status !== status) {
    throw new Error(
      `${what}: HTTP ${answer.status} instead of ${status}: ${JSON.stringify(answer.body).slice(0, 500)}`,
    );
  }
  return answer;
}
