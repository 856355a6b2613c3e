import { checkReadiness } from '../../api/health/readiness';

describe('checkReadiness', () => {
  it('is ready when every check answers', async () => {
    const report = await checkReadiness({ mongodb: async () => undefined, temporal: async () => undefined }, 50);
    expect(report).toEqual({ ready: true, checks: { mongodb: { status: 'up' }, temporal: { status: 'up' } } });
  });

  it('is ready with no checks at all', async () => {
    expect(await checkReadiness({}, 50)).toEqual({ ready: true, checks: {} });
  });

  it('is not ready when a check rejects, and says why', async () => {
    const report = await checkReadiness(
      {
        mongodb: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:27017')),
        temporal: async () => undefined,
      },
      50,
    );
    expect(report).toEqual({
      ready: false,
      checks: {
        mongodb: { status: 'down', error: 'connect ECONNREFUSED 127.0.0.1:27017' },
        temporal: { status: 'up' },
      },
    });
  });

  it('reports a non-Error rejection as text', async () => {
    const report = await checkReadiness({ smtp: () => Promise.reject('no route') }, 50);
    expect(report.checks.smtp).toEqual({ status: 'down', error: 'no route' });
  });

  it('counts a check that throws synchronously as down', async () => {
    const report = await checkReadiness(
      {
        broken: () => {
          throw new Error('not connected');
        },
      },
      50,
    );
    expect(report.ready).toBe(false);
    expect(report.checks.broken).toEqual({ status: 'down', error: 'not connected' });
  });

  it('counts a check that never answers as down after the timeout', async () => {
    const report = await checkReadiness(
      { temporal: () => new Promise<void>(() => undefined), mongodb: async () => undefined },
      50,
    );
    expect(report.ready).toBe(false);
    expect(report.checks.temporal?.status).toBe('down');
    expect(report.checks.temporal?.error).toContain('50 ms');
    expect(report.checks.mongodb).toEqual({ status: 'up' });
  });
});
