import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../api/app';
import type { ApiContext } from '../../api/context';
import { createMetrics } from '../../api/metrics';

const appWith = (corsOrigins: string[]) =>
  createApp({
    log: pino({ level: 'silent' }),
    context: {} as ApiContext,
    readiness: {},
    metrics: createMetrics(),
    corsOrigins,
  });

describe('request ids and CORS', () => {
  const app = appWith(['https://zi.pemkot.go.id']);

  it('gives every request an id, keeping a caller’s plain one', async () => {
    const fresh = await request(app).get('/healthz').expect(200);
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await request(app).get('/healthz').set('X-Request-Id', 'proxy-123').expect(200);
    expect(kept.headers['x-request-id']).toBe('proxy-123');
    const replaced = await request(app).get('/healthz').set('X-Request-Id', 'a b <script>').expect(200);
    expect(replaced.headers['x-request-id']).not.toContain('script');
  });

  it('lets only the configured origins call from a browser', async () => {
    const allowed = await request(app).get('/healthz').set('Origin', 'https://zi.pemkot.go.id').expect(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://zi.pemkot.go.id');
    const other = await request(app).get('/healthz').set('Origin', 'https://jahat.test').expect(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const none = await request(appWith([])).get('/healthz').set('Origin', 'https://zi.pemkot.go.id').expect(200);
    expect(none.headers['access-control-allow-origin']).toBeUndefined();
  });
});
