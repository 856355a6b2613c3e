/**
 * One bench size's system: its servers, its own database, a Temporal client and the models for the bench's own
 * reads and writes, and the product's processes started as production starts them — the API (`api/server.ts`) and
 * the worker (compiled `worker/main.ts`, prebuilt bundle, node flags and cache size of config/worker-deployment.ts) —
 * next to the floor's worker, each an OS process of its own.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import type { Connection as MongoConnection } from 'mongoose';
import { connectMongo, type Models } from '../../activities/models';
import { loadConfig, type Config } from '../../config';
import type { Grant } from '../../domain/access';
import { freePort } from '../../scripts/services/process';
import { tokenFor } from '../../test/support/auth';
import { floorCollection } from '../floor/definitions';
import type { BenchOptions } from '../options';
import type { Bundles } from './bundles';
import { spawnNode, untilAnswering, untilPolling, type NodeChild } from './children';
import type { NamedProcess } from './cpu';
import type { BenchServers } from './servers';

export interface ApiProcess {
  child: NodeChild;
  url: string;
}

export interface BenchStack {
  servers: BenchServers;
  database: string;
  /** How the workers run (node flags, cache size), the product's and the floor's alike. */
  worker: BenchOptions['worker'];
  config: Config;
  models: Models;
  mongo: MongoConnection;
  client: Client;
  /** The floor activity's collection. */
  floorDocuments(): ReturnType<NonNullable<MongoConnection['db']>['collection']>;
  /** A signed-in session (real session row) for this person with these grants. */
  tokenFor(person: { name: string; email: string }, grants: Grant[]): Promise<string>;
  /** A task queue of the bench's own, remembered so the clean-up can end what runs on it. */
  newQueue(what: string): string;
  readonly queues: readonly string[];
  startApi(taskQueue: string): Promise<ApiProcess>;
  startProductWorker(taskQueue: string): Promise<NodeChild>;
  startFloorWorker(taskQueue: string): Promise<NodeChild>;
  /** Every OS process of this size's system that is running now, named for what it is, the bench's own included. */
  processes(): NamedProcess[];
  stop(): Promise<void>;
}

const processNames: Record<string, string> = {
  api: 'API',
  'product-worker': 'product worker',
  'floor-worker': 'floor worker',
};

export async function startBenchStack(options: {
  servers: BenchServers;
  database: string;
  bundles: Bundles;
  logDir: string;
  worker: BenchOptions['worker'];
}): Promise<BenchStack> {
  const { servers, database, bundles, logDir, worker } = options;
  // What every process of this size shares. Access tokens live a day: a long phase must not outlive its sessions.
  const env: NodeJS.ProcessEnv = {
    TEMPORAL_ADDRESS: servers.temporalAddress,
    TEMPORAL_NAMESPACE: servers.namespace,
    MONGODB_URI: servers.mongoUri(database),
    SMTP_URL: servers.smtpUrl,
    PUBLIC_URL: 'http://zi.bench',
    ACCESS_TOKEN_TTL_SECONDS: '86400',
    LOG_LEVEL: 'info',
    WORKER_MAX_CACHED_WORKFLOWS: String(worker.maxCachedWorkflows),
  };
  const config = loadConfig({ ...process.env, ...env, NODE_ENV: 'test' });
  const { connection: mongo, models } = await connectMongo(config.mongodb);
  // A 200-unit cycle's history comes back in pages larger than gRPC's default 4 MB limit.
  const connection = await Connection.connect({
    address: servers.temporalAddress,
    channelArgs: { 'grpc.max_receive_message_length': 64 * 1024 * 1024 },
  });
  const client = new Client({ connection, namespace: servers.namespace });
  const children: { kind: string; child: NodeChild }[] = [];
  const queues: string[] = [];
  let count = 0;
  const spawn = (
    name: string,
    entry: string,
    extra: NodeJS.ProcessEnv,
    compiled?: { nodeFlags: readonly string[] },
  ) => {
    const child = spawnNode(`${name}-${++count}`, entry, { ...env, ...extra }, logDir, compiled);
    children.push({ kind: name, child });
    return child;
  };

  return {
    servers,
    database,
    worker,
    config,
    models,
    mongo,
    client,
    newQueue(what) {
      const queue = `bench-${what}-${randomUUID().slice(0, 8)}`;
      queues.push(queue);
      return queue;
    },
    queues,
    floorDocuments: () => mongo.db!.collection(floorCollection),
    tokenFor: (person, grants) => tokenFor({ models, config }, person, grants),
    async startApi(taskQueue) {
      const port = await freePort();
      // Not production: the launch bench runs its cycle on a pinned clock (test/fixtures/cycles.ts), which
      // production refuses. Nothing else in the API depends on NODE_ENV.
      // Compiled, as production runs it (`node dist/api/server.js`, no node flags).
      const child = spawn(
        'api',
        bundles.api,
        { NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(port), TEMPORAL_TASK_QUEUE: taskQueue },
        { nodeFlags: [] },
      );
      const url = `http://127.0.0.1:${port}`;
      await untilAnswering(child, `${url}/healthz`);
      return { child, url };
    },
    async startProductWorker(taskQueue) {
      const child = spawn(
        'product-worker',
        bundles.productWorker,
        { NODE_ENV: 'production', WORKFLOW_BUNDLE_PATH: bundles.product, TEMPORAL_TASK_QUEUE: taskQueue },
        worker,
      );
      await untilPolling(child, client, servers.namespace, taskQueue);
      return child;
    },
    async startFloorWorker(taskQueue) {
      // Like for like: the floor's worker runs with the product's node flags and cache size (WORKER_MAX_CACHED_WORKFLOWS
      // is in every process's environment).
      const child = spawn(
        'floor-worker',
        bundles.floorWorker,
        { BENCH_FLOOR_BUNDLE: bundles.floor, TEMPORAL_TASK_QUEUE: taskQueue },
        worker,
      );
      await untilPolling(child, client, servers.namespace, taskQueue);
      return child;
    },
    processes() {
      const running = children
        .filter(({ child }) => !child.exited())
        .map(({ kind, child }) => ({ name: processNames[kind] ?? kind, pid: child.pid }));
      return [...servers.processes, ...running, { name: 'bench (load and polling)', pid: process.pid }];
    },
    async stop() {
      await Promise.allSettled(children.map(({ child }) => child.stop()));
      await Promise.allSettled([connection.close(), mongo.close()]);
    },
  };
}
