import type { Client, Connection } from '@temporalio/client';
import type { Express } from 'express';
import type { Connection as MongoConnection } from 'mongoose';
import type { Models } from '../activities/models';
import type { Config } from '../config';
import type { Logger } from '../config/logger';
import { createApp } from './app';
import { AccountService } from './auth/accounts';
import { SessionService } from './auth/sessions';
import { awardServiceOf } from './awards/award.controller';
import type { ApiContext } from './context';
import { CycleService } from './cycles/cycle.service';
import { mongoCheck, temporalCheck } from './health/readiness';
import { createMetrics } from './metrics';
import { metricsSourcesFrom } from './metrics-sources';

/** The app wired to its real dependencies, the one way the server and the tests build it. */
export function composeApp(deps: {
  config: Config;
  log: Logger;
  temporal: Client;
  temporalConnection: Connection;
  mongo: MongoConnection;
  models: Models;
}): Express {
  const { config, models } = deps;
  const metrics = createMetrics(metricsSourcesFrom(models));
  const now = () => new Date();
  const context: ApiContext = {
    config: { ...config, publicUrl: config.http.publicUrl },
    log: deps.log,
    models,
    mongo: deps.mongo,
    temporal: deps.temporal,
    timeWorkflowCall: metrics.timeWorkflowCall,
    now,
    sessions: new SessionService({
      Session: models.Session,
      Account: models.Account,
      accessTtlSeconds: config.auth.accessTtlSeconds,
      refreshTtlSeconds: config.auth.refreshTtlSeconds,
      now,
    }),
    cycles: new CycleService({
      temporal: deps.temporal,
      taskQueue: config.temporal.taskQueue,
      Cycle: models.Cycle,
      Task: models.Task,
      UnitKerja: models.UnitKerja,
      Account: models.Account,
      allowCompressedClock: config.env !== 'production',
      timeWorkflowCall: metrics.timeWorkflowCall,
      ensurePerson: (person, grants, by) => accounts.ensurePerson(person, grants, by),
      LkeTemplate: models.LkeTemplate,
      MonevReview: models.MonevReview,
      recommendationsOf: (cycleId, principal) => awardServiceOf(context).recommendations(cycleId, principal),
    }),
  };
  const accounts = new AccountService(context);
  return createApp({
    log: deps.log,
    metrics,
    corsOrigins: config.http.corsOrigins,
    context,
    readiness: { temporal: temporalCheck(deps.temporalConnection), mongodb: mongoCheck(deps.mongo) },
  });
}
