import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { badRequest, type FieldError } from './problem';

/** One schema object per route; what a part of the request must look like. */
export interface RequestSchema {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
}

/**
 * Validates params, query and body, and writes the parsed values back so handlers only see clean data.
 * Every failing field is reported, prefixed with where it was (`body.year`).
 */
export function validate(schema: RequestSchema): RequestHandler {
  return (req, _res, next) => {
    const errors: FieldError[] = [];
    for (const part of ['params', 'query', 'body'] as const) {
      const partSchema = schema[part];
      if (!partSchema) continue;
      const input: unknown = part === 'body' ? (req.body ?? {}) : req[part];
      const result = partSchema.safeParse(input);
      if (result.success) {
        // Express 5 exposes req.query as a getter: define the property rather than assign to it.
        Object.defineProperty(req, part, { value: result.data, writable: true, enumerable: true, configurable: true });
      } else {
        for (const issue of result.error.issues) {
          const keys =
            issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
          for (const path of keys) {
            errors.push({
              field: [part, ...path.map(String)].join('.'),
              message: issue.code === 'unrecognized_keys' ? 'kolom tidak dikenal' : issue.message,
            });
          }
        }
      }
    }
    next(errors.length > 0 ? badRequest(errors) : undefined);
  };
}
