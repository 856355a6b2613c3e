import { ConfigError, loadConfig } from '../../config';

function configErrorOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to throw a ConfigError');
}

describe('loadConfig', () => {
  it('uses the local-stack defaults when the environment is empty', () => {
    expect(loadConfig({})).toEqual({
      env: 'development',
      http: { host: '127.0.0.1', port: 3000, publicUrl: 'http://localhost:3000', corsOrigins: [] },
      temporal: { address: '127.0.0.1:7233', namespace: 'default', taskQueue: 'zi-orchestrator' },
      mongodb: { uri: 'mongodb://127.0.0.1:27017/zi', serverSelectionTimeoutMs: 5000 },
      smtp: { url: 'smtp://127.0.0.1:2525', from: 'ZI Orchestrator <no-reply@zi.localhost>' },
      auth: {
        accessTtlSeconds: 900,
        refreshTtlSeconds: 2_592_000,
        signInLinkTtlSeconds: 86_400,
        invitationTtlSeconds: 604_800,
        passwordResetTtlSeconds: 3600,
        rateLimit: 20,
      },
      uploads: { maxBytes: 10 * 1024 * 1024 },
      logLevel: 'info',
      workflowBundlePath: 'dist/workflow-bundle.js',
      shutdownGraceMs: 10_000,
      worker: {},
    });
  });

  it('reads CORS origins as a comma-separated list of http(s) origins, and names a bad one', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://zi.pemkot.go.id, http://localhost:5173/' }).http.corsOrigins).toEqual([
      'https://zi.pemkot.go.id',
      'http://localhost:5173',
    ]);
    expect(configErrorOf({ CORS_ORIGINS: 'https://ok.test,ftp://bad.test' }).issues.join()).toContain('CORS_ORIGINS');
  });

  it('treats blank variables as unset so the defaults apply', () => {
    const config = loadConfig({
      PORT: '',
      TEMPORAL_ADDRESS: '',
      MONGODB_URI: '',
      SMTP_URL: '',
      NODE_ENV: '',
      PUBLIC_URL: '',
    });
    expect(config.http.port).toBe(3000);
    expect(config.temporal.address).toBe('127.0.0.1:7233');
    expect(config.mongodb.uri).toBe('mongodb://127.0.0.1:27017/zi');
    expect(config.smtp.url).toBe('smtp://127.0.0.1:2525');
    expect(config.env).toBe('development');
    expect(config.http.publicUrl).toBe('http://localhost:3000');
  });

  it('reads and coerces the values that are set', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      HOST: '0.0.0.0',
      PORT: '8080',
      PUBLIC_URL: 'https://zi.example.go.id',
      TEMPORAL_ADDRESS: 'temporal:7233',
      TEMPORAL_NAMESPACE: 'zi',
      TEMPORAL_TASK_QUEUE: 'zi-queue',
      MONGODB_URI: 'mongodb+srv://user:pass@cluster.example.net/zi',
      MONGODB_SERVER_SELECTION_TIMEOUT_MS: '1500',
      SMTP_URL: 'smtps://user:pass@mail.example.net:465',
      MAIL_FROM: 'ZI <zi@example.go.id>',
      LOG_LEVEL: 'debug',
      WORKFLOW_BUNDLE_PATH: '/app/bundle.js',
      SHUTDOWN_GRACE_MS: '2500',
      ACCESS_TOKEN_TTL_SECONDS: '600',
      REFRESH_TOKEN_TTL_SECONDS: '86400',
      SIGN_IN_LINK_TTL_SECONDS: '7200',
      INVITATION_TTL_SECONDS: '172800',
      PASSWORD_RESET_TTL_SECONDS: '1800',
      AUTH_RATE_LIMIT: '5',
      ZI_ADMIN_EMAIL: 'admin@example.go.id',
      ZI_ADMIN_PASSWORD: 'kata-sandi-panjang',
      UPLOAD_MAX_BYTES: '2048',
      WORKER_MAX_CACHED_WORKFLOWS: '1000',
    });
    expect(config).toEqual({
      env: 'production',
      http: { host: '0.0.0.0', port: 8080, publicUrl: 'https://zi.example.go.id', corsOrigins: [] },
      temporal: { address: 'temporal:7233', namespace: 'zi', taskQueue: 'zi-queue' },
      mongodb: { uri: 'mongodb+srv://user:pass@cluster.example.net/zi', serverSelectionTimeoutMs: 1500 },
      smtp: { url: 'smtps://user:pass@mail.example.net:465', from: 'ZI <zi@example.go.id>' },
      auth: {
        accessTtlSeconds: 600,
        refreshTtlSeconds: 86400,
        signInLinkTtlSeconds: 7200,
        invitationTtlSeconds: 172800,
        passwordResetTtlSeconds: 1800,
        rateLimit: 5,
        firstAdmin: { email: 'admin@example.go.id', name: 'Admin Bagian Organisasi', password: 'kata-sandi-panjang' },
      },
      uploads: { maxBytes: 2048 },
      logLevel: 'debug',
      workflowBundlePath: '/app/bundle.js',
      shutdownGraceMs: 2500,
      worker: { maxCachedWorkflows: 1000 },
    });
  });

  it('asks for the first admin password with the first admin email', () => {
    expect(configErrorOf({ ZI_ADMIN_EMAIL: 'admin@example.go.id' }).issues).toEqual([
      expect.stringMatching(/^ZI_ADMIN_PASSWORD: /),
    ]);
  });

  it('ignores variables it does not know about', () => {
    expect(loadConfig({ PATH: '/usr/bin', HOME: '/root', PORT: '4000' }).http.port).toBe(4000);
  });

  it('strips a trailing slash from PUBLIC_URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://zi.example.go.id/' }).http.publicUrl).toBe('https://zi.example.go.id');
    expect(loadConfig({ PUBLIC_URL: 'https://zi.example.go.id/app/' }).http.publicUrl).toBe(
      'https://zi.example.go.id/app',
    );
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '30.5'],
    ['MONGODB_URI', 'http://x'],
    ['SMTP_URL', 'ftp://x'],
    ['NODE_ENV', 'staging'],
    ['PUBLIC_URL', 'not-a-url'],
    ['LOG_LEVEL', 'verbose'],
    ['SHUTDOWN_GRACE_MS', '0'],
    ['MONGODB_SERVER_SELECTION_TIMEOUT_MS', '-1'],
    ['ACCESS_TOKEN_TTL_SECONDS', '5'],
    ['ZI_ADMIN_PASSWORD', 'pendek'],
    ['UPLOAD_MAX_BYTES', 'besar'],
  ])('rejects %s=%s with a ConfigError naming the variable', (name, value) => {
    const error = configErrorOf({ [name]: value });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ConfigError');
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatch(new RegExp(`^${name}: `));
    expect(error.message).toContain(name);
  });

  // PUBLIC_URL becomes the base of links in emails; z.url() alone accepts any scheme, so `localhost:3000`
  // (scheme "localhost:") or `ftp://x` would start fine and send broken links instead of failing loudly.
  it.each(['localhost:3000', 'ftp://zi.example.go.id', 'javascript:alert(1)'])(
    'rejects PUBLIC_URL=%s, which is not an http(s) URL',
    (value) => {
      const error = configErrorOf({ PUBLIC_URL: value });
      expect(error.issues).toHaveLength(1);
      expect(error.issues[0]).toMatch(/^PUBLIC_URL: /);
    },
  );

  it('reports every bad variable at once', () => {
    const error = configErrorOf({
      PORT: 'abc',
      MONGODB_URI: 'http://x',
      SMTP_URL: 'ftp://x',
      NODE_ENV: 'staging',
      PUBLIC_URL: 'not-a-url',
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
    });
    const named = error.issues.map((issue) => issue.split(':')[0]).sort();
    expect(named).toEqual(['MONGODB_URI', 'NODE_ENV', 'PORT', 'PUBLIC_URL', 'SMTP_URL']);
    expect(error.issues.find((issue) => issue.startsWith('MONGODB_URI'))).toContain(
      'must start with mongodb:// or mongodb+srv://',
    );
    expect(error.issues.find((issue) => issue.startsWith('SMTP_URL'))).toContain('must start with smtp:// or smtps://');
    for (const name of named) expect(error.message).toContain(name);
  });
});
