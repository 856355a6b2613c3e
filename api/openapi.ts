import { z } from 'zod';
import { createDocument } from 'zod-openapi';
import type { OperationGroup } from './operation';

/** The RFC 9457 body every error answers with (see problem.ts). */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});

/** Express `:id` → OpenAPI `{id}`. */
export const openApiPath = (prefix: string, path: string): string =>
  `${prefix}${path === '/' ? '' : path}`.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}') || '/';

/** The OpenAPI 3.1 document of the API, generated from the operation declarations and their zod schemas. */
export function openApiDocument(groups: readonly OperationGroup[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const group of groups) {
    for (const operation of group.operations) {
      const { schema } = operation;
      const responses: Record<string, unknown> = {};
      for (const [status, response] of Object.entries(operation.responses)) {
        responses[status] = response.body
          ? { description: response.description, content: { 'application/json': { schema: response.body } } }
          : { description: response.description };
      }
      if (schema) responses['400'] ??= problem('Permintaan tidak valid: setiap kolom yang salah disebut');
      if (operation.access !== 'public') {
        responses['401'] ??= problem('Belum masuk: token akses tidak ada, tidak sah atau kedaluwarsa');
      }
      responses['503'] ??= problem('Temporal atau MongoDB tidak dapat dihubungi; coba lagi setelah Retry-After');
      const path = openApiPath(group.prefix, operation.path);
      (paths[path] ??= {})[operation.method] = {
        summary: operation.summary,
        tags: [group.tag],
        ...(operation.access === 'public' ? { security: [] } : {}),
        ...(schema?.params || schema?.query
          ? {
              requestParams: {
                ...(schema.params ? { path: schema.params } : {}),
                ...(schema.query ? { query: schema.query } : {}),
              },
            }
          : {}),
        ...(schema?.body
          ? {
              requestBody: {
                required: true,
                content: { [operation.requestContentType ?? 'application/json']: { schema: schema.body } },
              },
            }
          : {}),
        responses,
      };
    }
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'ZI Orchestrator API',
      version,
      description:
        'Pembangunan Zona Integritas: cycles, units and their tasks. Errors answer application/problem+json ' +
        '(RFC 9457) naming each failing field.',
    },
    paths: paths as never,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Token akses dari POST /api/v1/auth/sign-in' },
      },
    },
    security: [{ bearer: [] }],
  });
}
