import { Agent, type IncomingMessage } from 'node:http';
import request from 'supertest';
import { textOf, urlOf, type FuzzRequest } from './request';

/** A generated request and what came back (or why nothing did). */
export interface Outcome {
  request: FuzzRequest;
  /** The document says the request is invalid: it must not be accepted. */
  refusedByDocument: boolean;
  status?: number;
  contentType?: string;
  body?: string;
  transportError?: string;
}

/**
 * Reads the response as text, whatever its type claims, so a broken body is seen rather than thrown. superagent
 * hands a parser the Node response (its typings say its own Response).
 */
const asText = ((response: IncomingMessage, done: (error: Error | null, body: string) => void) => {
  let text = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => (text += chunk));
  response.on('end', () => done(null, text));
}) as unknown as Parameters<request.Test['parse']>[0];

/** Sends generated requests over reused connections, as a real client would. */
export function httpClient(maxSockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  return {
    /** `token` signs `admin` requests and fills `{admin}` in malformed Authorization headers. */
    async send(base: string, fuzz: FuzzRequest, token: string): Promise<Omit<Outcome, 'refusedByDocument'>> {
      let call = request(base)[fuzz.method](urlOf(fuzz)).agent(agent).buffer(true).parse(asText);
      if (fuzz.auth === 'admin') call = call.auth(token, { type: 'bearer' });
      else if (fuzz.authorization !== undefined) {
        call = call.set('Authorization', fuzz.authorization.replaceAll('{admin}', token));
      }
      for (const [name, value] of Object.entries(fuzz.headers)) call = call.set(name, value);
      if (fuzz.contentEncoding) call = call.set('Content-Encoding', fuzz.contentEncoding);
      const text = textOf(fuzz);
      // A string goes out verbatim whatever the Content-Type (superagent would serialize a Buffer as JSON).
      if (text !== undefined)
        call = call.set('Content-Type', fuzz.contentType?.header ?? 'application/json').send(text);
      try {
        const response = await call;
        return {
          request: fuzz,
          status: response.status,
          contentType: String(response.headers['content-type'] ?? ''),
          body: response.body as string,
        };
      } catch (error) {
        return { request: fuzz, transportError: error instanceof Error ? error.message : String(error) };
      }
    },
    close: () => agent.destroy(),
  };
}

/** What is wrong with one answer; empty when it is fine. */
export function faultsOf(outcome: Outcome): string[] {
  if (outcome.transportError !== undefined) return [`no answer: ${outcome.transportError}`];
  const status = outcome.status!;
  const body = outcome.body ?? '';
  const faults: string[] = [];
  if (status >= 500) faults.push(`answered ${status}`);
  if (status >= 400) {
    if (!/^application\/problem\+json/.test(outcome.contentType ?? '')) {
      faults.push(`a ${status} that is not application/problem+json (${outcome.contentType})`);
    } else if (problemStatus(body) !== status) {
      faults.push(`a problem whose status field is not ${status}`);
    }
  }
  if (/\n\s+at |at .*\.(ts|js):\d+|node_modules/.test(body)) faults.push('a stack trace in the body');
  if (outcome.refusedByDocument && status < 400) {
    faults.push(`accepted (${status}) though its document says it is invalid`);
  }
  return faults;
}

const problemStatus = (body: string): unknown => {
  try {
    return (JSON.parse(body) as { status?: unknown }).status;
  } catch {
    return undefined;
  }
};

const clip = (text: string, length: number) =>
  text.length > length ? `${text.slice(0, length)}…(${text.length})` : text;

/** The request and its answer, short enough to read in a failure report. */
export function describeOutcome(outcome: Outcome, faults: string[]): string {
  const { request: fuzz } = outcome;
  const text = textOf(fuzz);
  return [
    `${fuzz.operation.label}: ${faults.join('; ')}`,
    `  ${fuzz.method.toUpperCase()} ${clip(urlOf(fuzz), 300)} (${fuzz.auth})`,
    ...(text !== undefined
      ? [`  ${fuzz.contentType?.header ?? 'application/json'}: ${clip(JSON.stringify(text), 400)}`]
      : []),
    `  changes: ${fuzz.changes.join(' | ') || 'none'}`,
    `  answer: ${outcome.status ?? '-'} ${clip(outcome.body ?? outcome.transportError ?? '', 300)}`,
  ].join('\n');
}
