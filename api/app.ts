import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from 'cors';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { z } from 'zod';
import type { Logger } from '../config/logger';
import swaggerUi from 'swagger-ui-express';
import { assessmentOperations } from './assessments/assessment.routes';
import { auditOperations } from './audit/audit.routes';
import { awardOperations } from './awards/award.routes';
import { authOperations } from './auth/auth.routes';
import { authenticate } from './auth/authenticate';
import type { ApiContext } from './context';
import { cycleOperations } from './cycles/cycle.routes';
import { errorMiddleware, notFoundHandler } from './error.middleware';
import { healthOperations } from './health/health.routes';
import type { Metrics } from './metrics';
import { notificationOperations } from './notifications/notification.routes';
import { openApiDocument } from './openapi';
import { routerOf, type OperationGroup } from './operation';
import type { ReadinessCheck } from './health/readiness';
import { personOperations } from './people/person.routes';
import { substituteOperations } from './substitutes/substitute.routes';
import { taskOperations } from './tasks/task.routes';
import { unitOperations } from './units/unit.routes';
import { webUi } from './web-ui';

// Validation messages reach people: answer in Bahasa Indonesia.
z.config(z.locales.id());

export interface AppDeps {
  log: Logger;
  context: ApiContext;
  readiness: Record<string, ReadinessCheck>;
  metrics: Metrics;
  /** Browser origins allowed to call the API (config CORS_ORIGINS); none by default. */
  corsOrigins?: string[];
}

export const apiVersion = '1.0.0';

/** Every operation the app serves, grouped by where it is mounted: the app and its OpenAPI document share it. */
export function apiOperations(deps: Pick<AppDeps, 'context' | 'readiness' | 'metrics'>): OperationGroup[] {
  const { context } = deps;
  return [
    { prefix: '', tag: 'kesehatan', operations: healthOperations(deps.readiness, deps.metrics) },
    { prefix: '/api/v1/auth', tag: 'masuk', operations: authOperations(context) },
    { prefix: '/api/v1/units', tag: 'unit', operations: unitOperations(context) },
    { prefix: '/api/v1/people', tag: 'orang', operations: personOperations(context) },
    { prefix: '/api/v1/cycles', tag: 'siklus', operations: cycleOperations(context) },
    { prefix: '/api/v1/tasks', tag: 'tugas', operations: taskOperations(context) },
    { prefix: '/api/v1/substitutes', tag: 'pengganti', operations: substituteOperations(context) },
    { prefix: '/api/v1/notifications', tag: 'email', operations: notificationOperations(context) },
    { prefix: '/api/v1/audit', tag: 'audit', operations: auditOperations(context) },
    { prefix: '/api/v1/assessments', tag: 'penilaian', operations: assessmentOperations(context) },
    { prefix: '/api/v1/awards', tag: 'penghargaan', operations: awardOperations(context) },
  ];
}

/** Swagger UI runs an inline bootstrap and styles: allow them on its pages only, not across the API. */
const docsSecurityHeaders = helmet({
  contentSecurityPolicy: {
    directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'style-src': ["'self'", "'unsafe-inline'"] },
  },
});

/**
 * Every request gets an id, logged with each line and returned as X-Request-Id; a caller's own (a proxy's) is kept
 * when it is a plain token, so one id follows a request across services.
 */
const requestId = (req: IncomingMessage, res: ServerResponse): string => {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && /^[A-Za-z0-9._-]{1,100}$/.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
};

/** Builds the app without listening, so tests drive it with supertest and the entry file owns the socket. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(helmet());
  app.use(deps.metrics.httpMiddleware());
  app.use(
    pinoHttp({
      logger: deps.log,
      autoLogging: { ignore: (req) => req.url === '/healthz' },
      genReqId: requestId,
    }),
  );
  app.use(cors({ origin: deps.corsOrigins ?? [], exposedHeaders: ['X-Request-Id', 'Location', 'Retry-After'] }));
  // A whole LKE template (the default is ~125 kB pretty-printed) or a layered workbook request outgrows 100 kB.
  app.use('/api/v1/assessments', express.json({ limit: '1mb', strict: true }));
  app.use(express.json({ limit: '100kb', strict: true }));

  const groups = apiOperations(deps);
  const signedIn = authenticate(deps.context.sessions);
  for (const group of groups) app.use(group.prefix || '/', routerOf(group.operations, signedIn));
  // The documentation describes exactly the operations mounted above.
  const document = openApiDocument(groups, apiVersion);
  app.get('/api/openapi.json', (_req, res) => {
    res.json(document);
  });
  app.use(
    '/api/docs',
    docsSecurityHeaders,
    swaggerUi.serve,
    swaggerUi.setup(document, { customSiteTitle: 'ZI Orchestrator API' }),
  );

  // The web UI (built from web/) at `/`; after every API route, so it never shadows one.
  app.use(webUi());

  app.use(notFoundHandler);
  app.use(errorMiddleware(deps.log));
  return app;
}
