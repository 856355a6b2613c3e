/**
 * The UI's only way to the server: the public REST API (/api/v1) with a bearer token, exactly as any other client
 * would call it. The session (access + refresh token) lives in localStorage so a reload or a new tab stays signed
 * in; an expired access token is refreshed once, transparently, and a refused refresh signs the person out.
 */

export interface FieldError {
  field: string;
  message: string;
}

/** An application/problem+json answer (or a network failure, status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail ?? title);
  }

  /** The message to show a person: the detail, and every field error when the request was refused as invalid. */
  get explanation(): string {
    if (this.errors.length === 0) return this.detail ?? this.title;
    return this.errors.map((error) => `${error.field}: ${error.message}`).join('; ');
  }
}

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const storageKey = 'zi.sesi';
type Stored = { accessToken: string; refreshToken: string };

function readStored(): Stored | undefined {
  try {
    const raw = localStorage.getItem(storageKey);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<Stored>;
    return typeof parsed.accessToken === 'string' && typeof parsed.refreshToken === 'string'
      ? { accessToken: parsed.accessToken, refreshToken: parsed.refreshToken }
      : undefined;
  } catch {
    return undefined;
  }
}

let tokens: Stored | undefined = readStored();
const signedOutListeners = new Set<() => void>();

export function hasSession(): boolean {
  return tokens !== undefined;
}

export function storeSession(next: SessionTokens): void {
  tokens = { accessToken: next.accessToken, refreshToken: next.refreshToken };
  localStorage.setItem(storageKey, JSON.stringify(tokens));
}

export function clearSession(): void {
  tokens = undefined;
  localStorage.removeItem(storageKey);
}

/** Called when the server no longer accepts the session (expired, signed out elsewhere, deactivated). */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

// Another tab signing in or out changes the shared storage: follow it.
window.addEventListener('storage', (event) => {
  if (event.key !== storageKey) return;
  tokens = readStored();
  if (!tokens) for (const listener of signedOutListeners) listener();
});

let refreshing: Promise<boolean> | undefined;

/** One refresh at a time: parallel requests that all met a 401 wait for the same new token. */
function refresh(): Promise<boolean> {
  refreshing ??= (async () => {
    const refreshToken = tokens?.refreshToken;
    if (!refreshToken) return false;
    const response = await fetch('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    }).catch(() => undefined);
    if (!response?.ok) return false;
    storeSession((await response.json()) as SessionTokens);
    return true;
  })().finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  query?: Query;
  /** JSON body. */
  body?: unknown;
  /** Multipart body (uploads). */
  form?: FormData;
  /** Return the raw response (downloads) instead of parsing JSON. */
  raw?: boolean;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function problemOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { title?: string; detail?: string; errors?: FieldError[] };
    return new ApiError(response.status, body.title ?? response.statusText, body.detail, body.errors ?? []);
  } catch {
    return new ApiError(response.status, response.statusText || `HTTP ${response.status}`);
  }
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (tokens) headers.authorization = `Bearer ${tokens.accessToken}`;
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  try {
    return await fetch(withQuery(`/api/v1${path}`, options.query), { method, headers, body });
  } catch {
    throw new ApiError(0, 'Server tidak dapat dihubungi', 'Periksa sambungan jaringan, lalu coba lagi.');
  }
}

/** Sign-in and email-link exchanges answer 401 for a wrong secret, not for an expired session: never refreshed. */
const publicAuth = /^\/auth\/(sign-in|refresh|invitations|password-reset)/;

/** Calls the API; resolves with the parsed JSON (undefined for 204), rejects with an ApiError. */
export async function api<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(method, path, options);
  if (response.status === 401 && tokens && !publicAuth.test(path)) {
    if (await refresh()) response = await send(method, path, options);
    if (response.status === 401) {
      clearSession();
      for (const listener of signedOutListeners) listener();
    }
  }
  if (!response.ok) throw await problemOf(response);
  if (options.raw) return response as T;
  if (response.status === 204 || response.status === 202) {
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return (await response.json()) as T;
}

export const get = <T>(path: string, query?: Query) => api<T>('GET', path, { query });
export const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, { body });
