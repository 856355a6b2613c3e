import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import pino from 'pino';
import request from 'supertest';
import { loadConfig } from '../../config';
import { connectMongo } from '../../activities/models';
import { composeApp } from '../../api/compose';
import { startLocalMongo, type LocalMongo } from '../../scripts/services/mongo';
import { adminToken, bearer } from '../support/auth';

/**
 * A database of its own that the test really stops, so the outage is a real one: a closed port, not a mock.
 * (With MONGODB_URI pointing at a shared server, this test still starts its own local one to stop.)
 */
describe('when MongoDB goes down', () => {
  let mongoServer: LocalMongo;
  let app: ReturnType<typeof composeApp>;
  let close: () => Promise<void>;
  let token: string;

  beforeAll(async () => {
    mongoServer = await startLocalMongo({
      database: 'zi-outage',
      logFile: path.join(tmpdir(), `zi-outage-mongodb-${process.pid}.log`),
    });
    const config = loadConfig({
      ...process.env,
      MONGODB_URI: mongoServer.uri,
      MONGODB_SERVER_SELECTION_TIMEOUT_MS: '1000',
    });
    const { connection: mongo, models } = await connectMongo(config.mongodb);
    const temporalConnection = await Connection.connect({ address: config.temporal.address });
    const temporal = new Client({ connection: temporalConnection, namespace: config.temporal.namespace });
    app = composeApp({ config, log: pino({ level: 'silent' }), temporal, temporalConnection, mongo, models });
    token = await adminToken({ models, config }, { name: 'Bagian Organisasi', email: 'organisasi@pemkot.test' });
    close = async () => {
      await Promise.allSettled([mongo.close(true), temporalConnection.close()]);
    };
  }, 120_000);

  afterAll(async () => {
    await close?.();
    await mongoServer?.process.stop();
  });

  it('is ready before the outage', async () => {
    await request(app).get('/readyz').expect(200);
  });

  it('says 503 on /readyz naming the dependency, answers reads with 503 + Retry-After, and stays alive', async () => {
    await mongoServer.process.stop();

    const readiness = await request(app).get('/readyz').expect(503);
    expect(readiness.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(readiness.headers['retry-after']).toBe('5');
    expect(readiness.body.down).toEqual(['mongodb']);
    expect(readiness.body.checks.temporal).toEqual({ status: 'up' });
    expect(readiness.body.checks.mongodb.status).toBe('down');

    // Signing the request in needs the database too: the session lookup is what answers 503 here.
    const read = await request(app).get('/api/v1/cycles/2026-0000abcd').auth(token, bearer).expect(503);
    expect(read.headers['retry-after']).toBeDefined();
    expect(read.body).toMatchObject({ status: 503, dependency: 'mongodb' });
    expect(JSON.stringify(read.body)).not.toMatch(/at .*\.(ts|js):\d+/);

    await request(app).get('/healthz').expect(200, { status: 'ok' });
  });
});
