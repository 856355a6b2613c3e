import type { Client } from '@temporalio/client';
import type { Connection as MongoConnection } from 'mongoose';
import type { Models } from '../activities/models';
import type { Config } from '../config';
import type { Logger } from '../config/logger';
import type { SessionService } from './auth/sessions';
import type { CycleService } from './cycles/cycle.service';
import type { Metrics, WorkflowCall } from './metrics';

/**
 * What the API's services are built from: the real dependencies, wired once by `composeApp`. Route factories
 * receive it and build their service from it; nothing here is touched before a request arrives, so the app (and
 * its OpenAPI document) can be built without servers.
 */
export interface ApiContext {
  config: Pick<Config, 'env' | 'auth' | 'uploads' | 'temporal'> & { publicUrl: string };
  log: Logger;
  models: Models;
  /** The raw connection, for GridFS (evidence files). */
  mongo: MongoConnection;
  temporal: Client;
  sessions: SessionService;
  cycles: CycleService;
  /** Times each call to Temporal (metrics). */
  timeWorkflowCall: <T>(call: WorkflowCall, run: () => Promise<T>) => Promise<T>;
  now: () => Date;
}

export type { Metrics };
