import type { Schema } from './operations';

/**
 * A deliberately lenient JSON Schema check: `false` only when the value certainly breaks the schema the API
 * documents, `true` whenever it might pass. The fuzzer uses it to know that a request it generated is invalid,
 * so "the API accepted it" is a finding and never an accident of generation. Lenient where the validators are:
 * strings are also tried trimmed (zod `.trim()` runs before the checks), formats are ignored (the document
 * carries their patterns), and anything the checker does not understand passes.
 */
export function mayConform(schema: Schema, value: unknown): boolean {
  if (typeof value === 'string') {
    if (!stringMayConform(schema, value) && !stringMayConform(schema, value.trim())) return false;
  } else {
    if ('const' in schema && !sameJson(schema.const, value)) return false;
    if (Array.isArray(schema.enum) && !schema.enum.some((option) => sameJson(option, value))) return false;
  }
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(branches) && !branches.some((branch) => mayConform(branch, value))) return false;
  if (Array.isArray(schema.allOf) && !(schema.allOf as Schema[]).every((part) => mayConform(part, value))) {
    return false;
  }
  const types = typesOf(schema);
  if (types && !types.some((type) => hasType(type, value))) return false;

  if (typeof value === 'number') return numberMayConform(schema, value);
  if (Array.isArray(value)) return arrayMayConform(schema, value);
  if (typeof value === 'object' && value !== null) return objectMayConform(schema, value as Record<string, unknown>);
  return true;
}

const typesOf = (schema: Schema): string[] | undefined =>
  typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? (schema.type as string[]) : undefined;

function hasType(type: string, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return true;
  }
}

/** Lengths as zod counts them: UTF-16 code units. */
function stringMayConform(schema: Schema, value: string): boolean {
  if (typeof schema.minLength === 'number' && value.length < schema.minLength) return false;
  if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) return false;
  if (typeof schema.pattern === 'string' && !patternOf(schema.pattern).test(value)) return false;
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return false;
  if ('const' in schema && schema.const !== value) return false;
  return true;
}

const patterns = new Map<string, RegExp>();
function patternOf(source: string): RegExp {
  let pattern = patterns.get(source);
  if (!pattern) {
    pattern = new RegExp(source);
    patterns.set(source, pattern);
  }
  return pattern;
}

function numberMayConform(schema: Schema, value: number): boolean {
  if (typeof schema.minimum === 'number' && value < schema.minimum) return false;
  if (typeof schema.maximum === 'number' && value > schema.maximum) return false;
  if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) return false;
  if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) return false;
  return true;
}

function arrayMayConform(schema: Schema, value: unknown[]): boolean {
  if (typeof schema.minItems === 'number' && value.length < schema.minItems) return false;
  if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) return false;
  const items = schema.items as Schema | undefined;
  return !items || typeof items !== 'object' || value.every((item) => mayConform(items, item));
}

function objectMayConform(schema: Schema, value: Record<string, unknown>): boolean {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const keys = Object.keys(value);
  for (const required of (schema.required as string[] | undefined) ?? []) {
    if (!Object.hasOwn(value, required) || value[required] === undefined) return false;
  }
  const names = schema.propertyNames as Schema | undefined;
  const extra = schema.additionalProperties as boolean | Schema | undefined;
  for (const key of keys) {
    if (names && !mayConform(names, key)) return false;
    const property = Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (property) {
      if (!mayConform(property, value[key])) return false;
    } else if (extra === false) {
      return false;
    } else if (typeof extra === 'object' && extra !== null && !mayConform(extra, value[key])) {
      return false;
    }
  }
  return true;
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && JSON.stringify(a) === JSON.stringify(b));
}
