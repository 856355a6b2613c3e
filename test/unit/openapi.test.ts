import SwaggerParser from '@apidevtools/swagger-parser';
import pino from 'pino';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../api/app';
import type { ApiContext } from '../../api/context';
import { createMetrics } from '../../api/metrics';
import { openApiPath } from '../../api/openapi';

/** The app as built for production; no request here reaches a service, so none is needed. */
const app = createApp({
  log: pino({ level: 'silent' }),
  context: {} as ApiContext,
  readiness: {},
  metrics: createMetrics(),
});

/** Every method and path Express serves, read from its router (Express 5: `rawPath` on mounted routers). */
function servedRoutes(express: Express): string[] {
  interface Layer {
    rawPath?: string;
    route?: { path: string; methods: Record<string, boolean> };
    handle?: { stack?: Layer[] };
  }
  const routes: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) {
          routes.push(`${method} ${openApiPath(prefix, layer.route.path)}`);
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack, `${prefix}${layer.rawPath && layer.rawPath !== '/' ? layer.rawPath : ''}`);
      }
    }
  };
  walk((express as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return routes.sort();
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const { body } = await request(app).get('/api/openapi.json').expect(200);
    expect(body.openapi).toBe('3.1.0');
    // Validates against the OpenAPI 3.1 JSON schema and resolves every $ref; throws with the reason otherwise.
    await expect(SwaggerParser.validate(structuredClone(body))).resolves.toMatchObject({ openapi: '3.1.0' });
    // …and the validator is not a formality: a broken document is refused.
    const broken = { ...structuredClone(body), paths: { '/x': { get: { responses: 'tidak' } } } };
    await expect(SwaggerParser.validate(broken)).rejects.toThrow();
  });

  it('documents every route the app serves, and nothing it does not', async () => {
    const { body } = await request(app).get('/api/openapi.json').expect(200);
    const documented = Object.entries(body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`))
      .sort();
    const served = servedRoutes(app).filter((route) => !route.includes('/api/openapi.json'));
    expect(served.length).toBeGreaterThanOrEqual(11);
    expect(documented).toEqual(served);
  });

  it('describes a request body from the zod schema that validates it, unknown fields refused', async () => {
    const { body } = await request(app).get('/api/openapi.json').expect(200);
    const launch = body.paths['/api/v1/cycles'].post;
    const schema = launch.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'year', 'units']));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.year).toMatchObject({ type: 'integer', minimum: 2014, maximum: 2100 });
    expect(launch.responses['400'].content['application/problem+json']).toBeDefined();
    const extend = body.paths['/api/v1/cycles/{id}/stages/{stage}/extend'].post;
    expect(extend.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`).sort()).toEqual([
      'path:id',
      'path:stage',
    ]);
  });

  it('is browsable with Swagger UI at /api/docs', async () => {
    const page = await request(app).get('/api/docs/').expect(200);
    expect(page.text).toContain('swagger-ui');
  });
});
