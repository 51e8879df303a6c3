import fc from 'fast-check';
import { multipartBody, sampleExecutable, samplePdf, samplePng } from '../../document/testing.ts';
import type { AnyRoute } from '../../http/route.ts';
import { hostileBody, hostileValue, mutated } from './hostile.ts';
import { arbitraryFor, bodyJsonSchema, type GenerationContext, type JsonSchema } from './schema-arbitrary.ts';

/** How a generated body was made, for the summary and for failure reports. */
export type BodyOrigin = 'valid' | 'mutated' | 'hostile' | 'raw' | 'none' | 'multipart';

export type GeneratedBody =
  | { origin: 'valid' | 'mutated' | 'hostile'; json: unknown }
  | { origin: 'raw'; text: string; contentType: string | null }
  | { origin: 'none' }
  | {
      origin: 'multipart';
      fields: Record<string, string>;
      file: { name: string; content: Buffer; type: string } | null;
      contentType: 'proper' | string;
    };

/** One generated request to a route, before the world's current state (record versions) is filled in. */
export type GeneratedRequest = {
  actor: number;
  pathValues: Record<string, string>;
  body: GeneratedBody;
  /** Set `version` in the body to the current version of the record the path names, so an update can succeed. */
  currentVersion: boolean;
};

export const pathParamNames = (url: string) => [...url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);

const garbageParam = fc.constantFrom(
  '0',
  '-1',
  'null',
  'undefined',
  '%00',
  '%2e%2e',
  '..',
  '%F0%9F%A7%92',
  'é',
  ' ',
  '9999999999999999999999',
  '1.5',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'x'.repeat(199),
  "1' or '1'='1",
);

function paramArbitrary(values: readonly string[] | undefined): fc.Arbitrary<string> {
  const odd = fc.oneof(fc.uuid().map(encodeURIComponent), garbageParam);
  if (!values || values.length === 0)
    return fc.oneof({ arbitrary: fc.uuid(), weight: 2 }, { arbitrary: odd, weight: 1 });
  return fc.oneof(
    { arbitrary: fc.constantFrom(...values.map(encodeURIComponent)), weight: 8 },
    { arbitrary: odd, weight: 2 },
  );
}

const rawText: fc.Arbitrary<GeneratedBody> = fc.record({
  origin: fc.constant('raw' as const),
  text: fc.oneof(
    fc.constantFrom(
      '',
      '{',
      '{"a":',
      '[1,2',
      'null',
      '"text"',
      '{"a":1}{"b":2}',
      '\u0000',
      '\uFEFF{}',
      'NaN',
      '{"a":1,}',
      '{"__proto__":{"isAdmin":true}}',
      // Nesting deep enough to break a recursive walk of the body.
      `${'{"a":['.repeat(5000)}1${']}'.repeat(5000)}`,
    ),
    fc.string({ maxLength: 60, unit: 'binary' }),
  ),
  contentType: fc.constantFrom(
    'application/json',
    'application/json; charset=utf-16',
    'text/plain',
    'application/x-www-form-urlencoded',
    'application/xml',
    'multipart/form-data',
    'application/octet-stream',
    null,
  ),
});

/** Every enum value any route's body accepts: plausible words for fields that have no schema (upload forms). */
export function enumVocabulary(routes: readonly AnyRoute[]): string[] {
  const words = new Set<string>();
  const walk = (s: unknown) => {
    if (Array.isArray(s)) return s.forEach(walk);
    if (!s || typeof s !== 'object') return;
    for (const [k, v] of Object.entries(s)) {
      if (k === 'enum' && Array.isArray(v)) {
        for (const w of v) if (typeof w === 'string') words.add(w);
      } else walk(v);
    }
  };
  for (const route of routes) if (route.body) walk(bodyJsonSchema(route.body));
  return [...words].sort();
}

const oddMediaTypes = fc.constantFrom(
  'application/octet-stream',
  'image/png',
  'application/pdf',
  'text/plain; charset=utf-16',
  'application/x-msdownload',
  '',
  'image/svg+xml',
  'x/y; a="b',
  'multipart/mixed',
);

function multipartArbitrary(
  ctx: GenerationContext,
  vocabulary: readonly string[],
): fc.Arbitrary<GeneratedBody> {
  const plausible = fc.oneof(
    fc.constantFrom(...(vocabulary.length ? vocabulary : ['x'])),
    ctx.knownIds.length ? fc.constantFrom(...ctx.knownIds) : fc.uuid(),
    fc.constantFrom('2026-03-01', '2026-02-30', '', 'Genogram', 'Health visitor notes'),
  );
  const fieldValue = fc.oneof(
    { arbitrary: plausible, weight: 3 },
    {
      arbitrary: hostileValue.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))),
      weight: 1,
    },
  );
  const fieldName = fc.oneof(
    {
      arbitrary: fc.constantFrom(
        'title',
        'kind',
        'agencyId',
        'dateFrom',
        'dateTo',
        'restriction',
        'name',
        'note',
      ),
      weight: 4,
    },
    { arbitrary: fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !/["\r\n]/.test(k)), weight: 1 },
  );
  const content: fc.Arbitrary<Buffer> = fc.oneof<fc.Arbitrary<Buffer>[]>(
    fc.uint8Array({ maxLength: 2048 }).map((a) => Buffer.from(a)),
    fc.nat(1000).map((seed) => samplePng(seed)),
    fc.string({ maxLength: 20 }).map((s) => samplePdf(s.replace(/[()\\]/g, ''))),
    fc.constant(Buffer.alloc(0)),
    fc.constant(sampleExecutable()),
    fc.constant(Buffer.from('date,summary\n2026-01-01,Seen at home\n')),
  );
  type File = { name: string; content: Buffer; type: string };
  const file: fc.Arbitrary<File | null> = fc.option(
    fc.record({
      name: fc.constantFrom(
        'genogram.png',
        '',
        'report.pdf',
        '../../etc/passwd',
        'zoë 🧒.txt',
        'a'.repeat(300),
      ),
      content,
      type: oddMediaTypes,
    }),
    { freq: 5, nil: null },
  );
  return fc.record({
    origin: fc.constant('multipart' as const),
    fields: fc.dictionary(fieldName, fieldValue, { maxKeys: 6 }),
    file,
    contentType: fc.oneof(
      { arbitrary: fc.constant('proper'), weight: 8 },
      {
        arbitrary: fc.constantFrom(
          'multipart/form-data',
          'multipart/form-data; boundary=nothing',
          'application/json',
        ),
        weight: 1,
      },
    ),
  });
}

/** The body arbitrary for a route: from its zod schema (valid, mutated, hostile), raw text, or a multipart upload. */
export function bodyArbitrary(
  route: AnyRoute,
  ctx: GenerationContext,
  vocabulary: readonly string[],
): fc.Arbitrary<GeneratedBody> {
  const hostile = hostileBody.map((json) => ({ origin: 'hostile' as const, json }));
  if (route.receive) {
    return fc.oneof(
      { arbitrary: multipartArbitrary(ctx, vocabulary), weight: 8 },
      { arbitrary: hostile, weight: 1 },
      { arbitrary: rawText, weight: 1 },
    );
  }
  if (!route.body) {
    return fc.oneof(
      { arbitrary: fc.constant({ origin: 'none' as const }), weight: 6 },
      { arbitrary: hostile, weight: 2 },
      { arbitrary: rawText, weight: 1 },
    );
  }
  const schema: JsonSchema = bodyJsonSchema(route.body);
  const valid = arbitraryFor(schema, ctx);
  return fc.oneof(
    { arbitrary: valid.map((json) => ({ origin: 'valid' as const, json })), weight: 5 },
    { arbitrary: mutated(valid).map((json) => ({ origin: 'mutated' as const, json })), weight: 3 },
    { arbitrary: hostile, weight: 1 },
    { arbitrary: rawText, weight: 1 },
  );
}

/** Requests for one route: an actor, a value for each path parameter, and a body. */
export function requestArbitrary(
  route: AnyRoute,
  params: Record<string, string[]>,
  ctx: GenerationContext,
  vocabulary: readonly string[],
  actors: number,
): fc.Arbitrary<GeneratedRequest> {
  const names = pathParamNames(route.url);
  const pathValues: Record<string, fc.Arbitrary<string>> = {};
  for (const name of names) pathValues[name] = paramArbitrary(params[name]);
  return fc.record({
    actor: fc.nat(actors - 1),
    pathValues: fc.record(pathValues),
    body: bodyArbitrary(route, ctx, vocabulary),
    currentVersion: fc.boolean(),
  });
}

/** The URL of a request: the route's path with the generated parameter values in it. */
export function urlOf(route: AnyRoute, request: GeneratedRequest): string {
  return route.url.replace(/:([A-Za-z]+)/g, (_, name: string) => request.pathValues[name] ?? name);
}

/** The payload and content type to send for a generated body. */
export function encodeBody(body: GeneratedBody): { payload?: string | Buffer; contentType?: string } {
  switch (body.origin) {
    case 'none':
      return {};
    case 'raw':
      return { payload: body.text, ...(body.contentType ? { contentType: body.contentType } : {}) };
    case 'multipart': {
      const file = body.file
        ? { name: body.file.name, content: body.file.content, type: body.file.type }
        : undefined;
      const encoded = multipartBody(body.fields, file);
      return {
        payload: encoded.payload,
        contentType: body.contentType === 'proper' ? encoded.contentType : body.contentType,
      };
    }
    default: {
      const text = JSON.stringify(body.json);
      return text === undefined ? {} : { payload: text, contentType: 'application/json' };
    }
  }
}

/** A short, printable account of a body for a failure report. */
export function describeBody(body: GeneratedBody): string {
  const cut = (s: string) => (s.length > 1500 ? `${s.slice(0, 1500)}… (${s.length} characters)` : s);
  switch (body.origin) {
    case 'none':
      return '(no body)';
    case 'raw':
      return `raw ${body.contentType ?? '(no content type)'}: ${cut(JSON.stringify(body.text))}`;
    case 'multipart':
      return `multipart (${body.contentType}) fields ${cut(JSON.stringify(body.fields))}, file ${
        body.file
          ? `${JSON.stringify(body.file.name)} ${body.file.type} ${body.file.content.length} bytes`
          : 'none'
      }`;
    default:
      return `${body.origin}: ${cut(JSON.stringify(body.json) ?? 'undefined')}`;
  }
}
