import { z } from 'zod';

/** Thrown when the environment does not describe a usable configuration; names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n  - ${issues.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const port = z.coerce.number().int().min(0).max(65535);
const positiveMs = z.coerce.number().int().positive();

/**
 * Every environment variable the api and the worker read. Defaults are the local stack that `npm start`
 * brings up, so a fresh clone needs no `.env`. Keep the README's configuration table in step with this.
 */
const envSchema = z.object({
  /** `production` makes the worker load the prebuilt workflow bundle. @default development */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Interface the API listens on. @default 127.0.0.1 */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Port the API listens on. @default 3000 */
  PORT: port.default(3000),
  /** Base URL people use to reach the web UI and API; used for links in emails. @default http://localhost:3000 */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
  /** Comma-separated origins (http(s)://host[:port]) allowed to call the API from a browser. @default none */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin !== ''),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((origin) => origin.replace(/\/$/, '')))),
  /** host:port of the Temporal frontend. @default 127.0.0.1:7233 */
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  /** @default default */
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  /** Task queue shared by the worker and the API. @default zi-orchestrator */
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('zi-orchestrator'),
  /** MongoDB connection string (FerretDB locally, MongoDB in docker-compose). @default mongodb://127.0.0.1:27017/zi */
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .default('mongodb://127.0.0.1:27017/zi'),
  /** How long a database call waits for a reachable server before failing (then the API answers 503). @default 5000 */
  MONGODB_SERVER_SELECTION_TIMEOUT_MS: positiveMs.default(5000),
  /** SMTP server for outgoing email (smtp:// or smtps://, credentials in the URL). @default smtp://127.0.0.1:2525 */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .default('smtp://127.0.0.1:2525'),
  /** Sender of every email. @default "ZI Orchestrator <no-reply@zi.localhost>" */
  MAIL_FROM: z.string().min(3).default('ZI Orchestrator <no-reply@zi.localhost>'),
  /** pino level. @default info */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Prebuilt workflow bundle loaded by the worker when NODE_ENV=production. @default dist/workflow-bundle.js */
  WORKFLOW_BUNDLE_PATH: z.string().min(1).default('dist/workflow-bundle.js'),
  /** Seconds an access token works; refresh it with the refresh token. @default 900 */
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  /** Seconds a refresh token (a signed-in device) works without use. @default 2592000 (30 days) */
  REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().min(300).default(2_592_000),
  /** Seconds a sign-in link in a task email works (once). @default 86400 */
  SIGN_IN_LINK_TTL_SECONDS: z.coerce.number().int().min(60).default(86_400),
  /** Seconds an invitation (set your password) works. @default 604800 (7 days) */
  INVITATION_TTL_SECONDS: z.coerce.number().int().min(300).default(604_800),
  /** Seconds a password reset link works. @default 3600 */
  PASSWORD_RESET_TTL_SECONDS: z.coerce.number().int().min(300).default(3600),
  /** Sign-in and reset attempts allowed per client address per 15 minutes. @default 20 */
  AUTH_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  /** The first Bagian Organisasi account, created at start-up when no account with this email exists. */
  ZI_ADMIN_EMAIL: z.email().optional(),
  /** @default Admin Bagian Organisasi */
  ZI_ADMIN_NAME: z.string().min(1).default('Admin Bagian Organisasi'),
  /** Its password (at least 12 characters); required with ZI_ADMIN_EMAIL. */
  ZI_ADMIN_PASSWORD: z.string().min(12).optional(),
  /** Largest evidence file accepted, in bytes. @default 10485760 (10 MiB) */
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  /** How long the worker and API wait for in-flight work on SIGTERM. @default 10000 */
  SHUTDOWN_GRACE_MS: positiveMs.default(10_000),
  /**
   * Workflows the worker keeps in memory between their steps (its sticky cache); one evicted is replayed from its
   * history when it next wakes. Each costs about 0.5 MB; docker-compose sets 200 and a 256 MB heap limit
   * (config/worker-deployment.ts: 10,000 open tasks then measured 383 MB). Unset, the SDK sizes it from the heap
   * (about 2,300 on a 4 GB heap, 1.5 GB with 10,000 open tasks).
   * @default the SDK's
   */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).optional(),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  http: { host: string; port: number; publicUrl: string; corsOrigins: string[] };
  temporal: { address: string; namespace: string; taskQueue: string };
  mongodb: { uri: string; serverSelectionTimeoutMs: number };
  smtp: { url: string; from: string };
  auth: {
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
    signInLinkTtlSeconds: number;
    invitationTtlSeconds: number;
    passwordResetTtlSeconds: number;
    rateLimit: number;
    firstAdmin?: { email: string; name: string; password: string };
  };
  uploads: { maxBytes: number };
  logLevel: Env['LOG_LEVEL'];
  workflowBundlePath: string;
  shutdownGraceMs: number;
  /** Unset: the SDK's default. */
  worker: { maxCachedWorkflows?: number };
}

/** Reads and validates the environment once, at start-up; fails loudly rather than running half-configured. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(withoutBlanks(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  if (e.ZI_ADMIN_EMAIL && !e.ZI_ADMIN_PASSWORD) {
    throw new ConfigError(['ZI_ADMIN_PASSWORD: required when ZI_ADMIN_EMAIL is set (at least 12 characters)']);
  }
  return {
    env: e.NODE_ENV,
    http: { host: e.HOST, port: e.PORT, publicUrl: e.PUBLIC_URL.replace(/\/$/, ''), corsOrigins: e.CORS_ORIGINS },
    temporal: { address: e.TEMPORAL_ADDRESS, namespace: e.TEMPORAL_NAMESPACE, taskQueue: e.TEMPORAL_TASK_QUEUE },
    mongodb: { uri: e.MONGODB_URI, serverSelectionTimeoutMs: e.MONGODB_SERVER_SELECTION_TIMEOUT_MS },
    smtp: { url: e.SMTP_URL, from: e.MAIL_FROM },
    auth: {
      accessTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTtlSeconds: e.REFRESH_TOKEN_TTL_SECONDS,
      signInLinkTtlSeconds: e.SIGN_IN_LINK_TTL_SECONDS,
      invitationTtlSeconds: e.INVITATION_TTL_SECONDS,
      passwordResetTtlSeconds: e.PASSWORD_RESET_TTL_SECONDS,
      rateLimit: e.AUTH_RATE_LIMIT,
      ...(e.ZI_ADMIN_EMAIL && e.ZI_ADMIN_PASSWORD
        ? { firstAdmin: { email: e.ZI_ADMIN_EMAIL, name: e.ZI_ADMIN_NAME, password: e.ZI_ADMIN_PASSWORD } }
        : {}),
    },
    uploads: { maxBytes: e.UPLOAD_MAX_BYTES },
    logLevel: e.LOG_LEVEL,
    workflowBundlePath: e.WORKFLOW_BUNDLE_PATH,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    worker: e.WORKER_MAX_CACHED_WORKFLOWS === undefined ? {} : { maxCachedWorkflows: e.WORKER_MAX_CACHED_WORKFLOWS },
  };
}

/** An empty variable (`FOO=`) means "not set" so that the default applies, as docker-compose users expect. */
function withoutBlanks(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  );
}
