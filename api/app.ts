import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { z } from 'zod';
import type { Logger } from '../config/logger';
import { cycleRoutes } from './cycles/cycle.routes';
import type { CycleService } from './cycles/cycle.service';
import { errorMiddleware, notFoundHandler } from './error.middleware';
import { healthRoutes } from './health/health.routes';
import type { ReadinessCheck } from './health/readiness';

// Validation messages reach people: answer in Bahasa Indonesia.
z.config(z.locales.id());

export interface AppDeps {
  log: Logger;
  cycles: CycleService;
  readiness: Record<string, ReadinessCheck>;
}

/** Builds the app without listening, so tests drive it with supertest and the entry file owns the socket. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(helmet());
  app.use(pinoHttp({ logger: deps.log, autoLogging: { ignore: (req) => req.url === '/healthz' } }));
  app.use(express.json({ limit: '100kb', strict: true }));

  app.use(healthRoutes(deps.readiness));
  app.use('/api/v1/cycles', cycleRoutes(deps.cycles));

  app.use(notFoundHandler);
  app.use(errorMiddleware(deps.log));
  return app;
}
