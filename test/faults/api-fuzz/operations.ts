/**
 * The operations of the served OpenAPI document, reduced to what a fuzzer needs: where the inputs go and the
 * JSON Schema each one must satisfy. Read from the document (not from the route table) so a new endpoint is fuzzed
 * without editing the test.
 */

export type Schema = Record<string, unknown>;

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Parameter {
  name: string;
  required: boolean;
  schema: Schema;
}

export interface FuzzedOperation {
  /** `POST /api/v1/tasks/{id}/submit`, for reports. */
  label: string;
  method: Method;
  /** OpenAPI path with `{param}` placeholders. */
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** How the operation takes its body, if it takes one. */
  body?: { contentType: 'application/json' | 'multipart/form-data'; schema: Schema; required: string[] };
  /** Callable without signing in (`security: []`). */
  public: boolean;
}

interface DocumentOperation {
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  security?: unknown[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, DocumentOperation>>;
  components?: { schemas?: Record<string, Schema> };
}

const methods: readonly Method[] = ['get', 'post', 'put', 'patch', 'delete'];

/** Replaces every `$ref` with the component it names, so later code sees plain schemas. */
export function dereference(document: OpenApiDocument, schema: unknown, seen: string[] = []): unknown {
  if (Array.isArray(schema)) return schema.map((item) => dereference(document, item, seen));
  if (typeof schema !== 'object' || schema === null) return schema;
  const ref = (schema as { $ref?: unknown }).$ref;
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    if (seen.includes(name)) return {}; // a recursive schema: accept anything below this point
    return dereference(document, document.components?.schemas?.[name] ?? {}, [...seen, name]);
  }
  return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, dereference(document, value, seen)]));
}

export function operationsOf(document: OpenApiDocument): FuzzedOperation[] {
  const operations: FuzzedOperation[] = [];
  for (const [path, byMethod] of Object.entries(document.paths)) {
    for (const method of methods) {
      const operation = byMethod[method];
      if (!operation) continue;
      const parameters = (operation.parameters ?? []).map((parameter) => ({
        in: parameter.in,
        name: parameter.name,
        required: parameter.required ?? false,
        schema: dereference(document, parameter.schema ?? {}) as Schema,
      }));
      const content = operation.requestBody?.content ?? {};
      const contentType = (['application/json', 'multipart/form-data'] as const).find((type) => content[type]);
      const schema = contentType ? (dereference(document, content[contentType]?.schema ?? {}) as Schema) : undefined;
      operations.push({
        label: `${method.toUpperCase()} ${path}`,
        method,
        path,
        pathParams: parameters.filter((parameter) => parameter.in === 'path'),
        queryParams: parameters.filter((parameter) => parameter.in === 'query'),
        ...(contentType && schema
          ? { body: { contentType, schema, required: (schema.required as string[] | undefined) ?? [] } }
          : {}),
        public: Array.isArray(operation.security) && operation.security.length === 0,
      });
    }
  }
  return operations;
}

/** The methods a path is not served with: calling one of them must answer 404, never run anything. */
export function unservedMethods(document: OpenApiDocument, path: string): Method[] {
  return methods.filter((method) => !document.paths[path]?.[method]);
}
