import fc from 'fast-check';
import { z } from 'zod';

/** The part of JSON Schema that zod's `z.toJSONSchema` writes and that the generator reads. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  default?: unknown;
};

/** What a generated value may draw on: identifiers of records that exist, so valid requests reach the service. */
export type GenerationContext = { knownIds: readonly string[] };

/** The JSON Schema of a route's body as a client sends it (the input side of the zod schema). */
export function bodyJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', cycles: 'ref' }) as JsonSchema;
}

// Long enough to pass every length rule and meet every limit, short enough to keep requests fast.
const LONGEST_GENERATED_STRING = 300;
const LONGEST_GENERATED_ARRAY = 6;
const MAX_DEPTH = 6;

function isoDate(): fc.Arbitrary<string> {
  return fc
    .date({
      min: new Date('1990-01-01T00:00:00Z'),
      max: new Date('2035-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
}

function stringFor(s: JsonSchema, ctx: GenerationContext): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.max(min, Math.min(s.maxLength ?? 60, LONGEST_GENERATED_STRING));
  switch (s.format) {
    case 'uuid':
    case 'guid':
      return ctx.knownIds.length > 0
        ? fc.oneof(
            { arbitrary: fc.constantFrom(...ctx.knownIds), weight: 3 },
            { arbitrary: fc.uuid(), weight: 1 },
          )
        : fc.uuid();
    case 'date':
      return isoDate();
    case 'date-time':
      return fc
        .date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2035-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress();
    case 'uri':
    case 'url':
      return fc.webUrl();
    default:
      break;
  }
  if (s.pattern) {
    try {
      const matching = fc.stringMatching(new RegExp(s.pattern));
      return matching.filter((v) => v.length >= min && v.length <= Math.max(max, min));
    } catch {
      // A pattern fast-check cannot read: fall through to plain text.
    }
  }
  return fc.oneof(
    fc.string({ minLength: min, maxLength: max }),
    fc.string({ minLength: min, maxLength: max, unit: 'grapheme' }),
    fc.lorem({ maxCount: 8 }).filter((v) => v.length >= min && v.length <= max),
  );
}

function numberFor(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo =
    s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 1e-6) : undefined);
  const hi =
    s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 1e-6) : undefined);
  if (integer) {
    const min = Math.max(lo ?? -1000, Number.MIN_SAFE_INTEGER);
    const max = Math.min(hi ?? 1000, Number.MAX_SAFE_INTEGER);
    // Small values are the useful ones (versions, positions, counts); the limits themselves are edge cases.
    return fc.oneof(
      { arbitrary: fc.integer({ min, max: Math.min(max, min + 20) }), weight: 3 },
      { arbitrary: fc.integer({ min, max }), weight: 1 },
      { arbitrary: fc.constantFrom(min, max), weight: 1 },
    );
  }
  return fc.double({ min: lo ?? -1e6, max: hi ?? 1e6, noNaN: true, noDefaultInfinity: true });
}

function resolve(root: JsonSchema, ref: string): JsonSchema {
  const name = ref.replace(/^#\/\$defs\//, '');
  return root.$defs?.[name] ?? {};
}

/**
 * A fast-check arbitrary for values a JSON Schema accepts (mostly: refinements that zod keeps to
 * itself, such as "the end comes after the start", are not in the schema, so some values are refused).
 */
export function arbitraryFor(
  s: JsonSchema,
  ctx: GenerationContext,
  root: JsonSchema = s,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return fc.constant(null);
  if (s.$ref) return arbitraryFor(resolve(root, s.$ref), ctx, root, depth + 1);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const options = s.anyOf ?? s.oneOf;
  if (options && options.length > 0) {
    return fc.oneof(...options.map((o) => arbitraryFor(o, ctx, root, depth + 1)));
  }
  if (s.allOf && s.allOf.length > 0) {
    const merged: JsonSchema = { properties: {}, required: [] };
    for (const part of s.allOf) {
      Object.assign(merged, { ...part, properties: merged.properties, required: merged.required });
      Object.assign(merged.properties!, part.properties);
      merged.required!.push(...(part.required ?? []));
    }
    return arbitraryFor(merged, ctx, root, depth + 1);
  }
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      return stringFor(s, ctx);
    case 'integer':
      return numberFor(s, true);
    case 'number':
      return numberFor(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (s.prefixItems) return fc.tuple(...s.prefixItems.map((p) => arbitraryFor(p, ctx, root, depth + 1)));
      const item = Array.isArray(s.items) ? s.items[0] : s.items;
      const minLength = s.minItems ?? 0;
      const maxLength = Math.max(
        minLength,
        Math.min(s.maxItems ?? LONGEST_GENERATED_ARRAY, LONGEST_GENERATED_ARRAY),
      );
      return fc.array(item ? arbitraryFor(item, ctx, root, depth + 1) : fc.jsonValue({ maxDepth: 1 }), {
        minLength,
        maxLength,
      });
    }
    case 'object': {
      const properties = s.properties ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(properties))
        model[key] = arbitraryFor(value, ctx, root, depth + 1);
      const required = (s.required ?? []).filter((k) => k in properties);
      if (
        Object.keys(model).length === 0 &&
        s.additionalProperties &&
        typeof s.additionalProperties === 'object'
      ) {
        return fc.dictionary(
          fc.string({ minLength: 1, maxLength: 12 }),
          arbitraryFor(s.additionalProperties, ctx, root, depth + 1),
          { maxKeys: 4 },
        );
      }
      return fc.record(model, { requiredKeys: required });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
