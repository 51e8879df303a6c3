import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mutated } from './hostile.ts';
import { encodeBody, pathParamNames } from './requests.ts';
import { arbitraryFor, bodyJsonSchema } from './schema-arbitrary.ts';

const ctx = { knownIds: ['4fdf8a2d-ad4f-4c3b-a2ba-7da45500f848'] };

describe('bodies generated from a zod schema', () => {
  const schema = z.object({
    title: z.string().min(1).max(120),
    kind: z.enum(['case_record', 'minutes']),
    agencyId: z.uuid(),
    occurredOn: z.iso.date(),
    at: z.iso.datetime().optional(),
    count: z.number().int().min(0).max(10),
    tags: z.array(z.string().min(1).max(40)).max(3).default([]),
    note: z.string().max(200).nullable().optional(),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    shared: z.boolean(),
  });

  it('are accepted by the schema they were generated from', () => {
    fc.assert(
      fc.property(arbitraryFor(bodyJsonSchema(schema), ctx), (body) => {
        expect(schema.safeParse(body).error?.issues).toBeUndefined();
      }),
      { numRuns: 200, seed: 1 },
    );
  });

  it('mostly name records that exist in uuid fields', () => {
    const bodies = fc.sample(arbitraryFor(bodyJsonSchema(schema), ctx), { numRuns: 200, seed: 2 }) as {
      agencyId: string;
    }[];
    expect(bodies.filter((b) => b.agencyId === ctx.knownIds[0]).length).toBeGreaterThan(100);
  });

  it('are often refused once mutated, and never lose their JSON form', () => {
    const bodies = fc.sample(mutated(arbitraryFor(bodyJsonSchema(schema), ctx)), { numRuns: 200, seed: 3 });
    const refused = bodies.filter((b) => !schema.safeParse(b).success).length;
    expect(refused).toBeGreaterThan(100);
    for (const json of bodies) expect(() => encodeBody({ origin: 'mutated', json })).not.toThrow();
  });
});

describe('path parameters', () => {
  it('are read from the route path in order', () => {
    expect(pathParamNames('/api/partnerships/:partnershipId/reviews/:reviewId/x')).toEqual([
      'partnershipId',
      'reviewId',
    ]);
  });
});
