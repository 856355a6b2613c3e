import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { validate, type RequestSchema } from './validate';

/**
 * One HTTP operation, declared once: Express mounts it (with its request validation) and the OpenAPI document is
 * generated from the same declaration, so the two cannot drift apart.
 */
export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express path relative to where its group is mounted, e.g. `/:id/advance`. */
  path: string;
  summary: string;
  schema?: RequestSchema;
  /**
   * How the body is sent, for the documentation. @default 'application/json'. A multipart form is parsed by a
   * `before` middleware into `req.body`, which `schema.body` then validates.
   */
  requestContentType?: 'application/json' | 'multipart/form-data';
  /** Success and notable failure answers by status; every operation also answers problem+json on 400 and 5xx. */
  responses: Record<number, { description: string; body?: z.ZodType }>;
  /** `public`: no sign-in (health, sign-in itself). Every other operation needs a valid access token. */
  access?: 'public';
  /** Extra middleware before validation (rate limits, uploads). */
  before?: RequestHandler[];
  handler: RequestHandler;
}

/** Operations mounted together under one prefix, with the tag they carry in the documentation. */
export interface OperationGroup {
  prefix: string;
  tag: string;
  operations: Operation[];
}

const noQuery = z.strictObject({});

/** Mounts operations; `authenticate` runs first on every operation that is not public. */
export function routerOf(operations: readonly Operation[], authenticate: RequestHandler): Router {
  const router = Router();
  for (const operation of operations) {
    const handlers: RequestHandler[] = [
      ...(operation.access === 'public' ? [] : [authenticate]),
      ...(operation.before ?? []),
      // An operation that declares no query parameters takes none: unknown input is refused everywhere.
      validate({ query: noQuery, ...operation.schema }),
      operation.handler,
    ];
    router[operation.method](operation.path, ...handlers);
  }
  return router;
}
