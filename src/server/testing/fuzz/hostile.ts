import fc from 'fast-check';

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

/** Values no well-behaved client sends: wrong types, edge numbers, odd text, impossible dates. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    -0,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53,
    Number.MAX_SAFE_INTEGER,
    Number.MIN_SAFE_INTEGER,
    1e308,
    -1e-308,
    '',
    ' ',
    'null',
    'undefined',
    'true',
    '0',
    '-1',
    'NaN',
    'Infinity',
    '1e999',
    '2026-02-30',
    '2026-13-01',
    '0000-00-00',
    '9999-12-31',
    '2026-02-29',
    '2024-02-29T25:61:61Z',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '00000000-0000-0000-0000-00000000000g',
    'a\u0000b',
    '\u0000',
    '\uFEFF',
    '\uD800',
    '\u202Eevil',
    'Zoë 🧒🏽 مرحبا 中文',
    '<script>alert(1)</script>',
    "'; drop table users; --",
    '../../etc/passwd',
    '%00%2e%2e',
    '{{7*7}}',
    ['$', '{jndi:ldap://x}'].join(''),
    'x'.repeat(10_001),
    '\n'.repeat(500),
    [],
    {},
    [null],
    [[]],
    JSON.parse('{"__proto__": {"polluted": true}}'),
    { constructor: { prototype: {} } },
    { toString: 'x' },
    nested(60),
  ),
  fc.string({ maxLength: 40, unit: 'binary' }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A whole body no schema accepts, or that is not the object the route expects. */
export const hostileBody: fc.Arbitrary<unknown> = fc.oneof(
  hostileValue,
  fc.array(hostileValue, { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 20 }), hostileValue, { maxKeys: 6 }),
  fc.constant({ ['x'.repeat(5000)]: 1 }),
  fc.constant(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, i]))),
);

type Path = (string | number)[];

function leaves(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) leaves(v, [...path, i], out);
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], out);
  return out;
}

function setAt(value: unknown, path: Path, replace: (old: unknown) => unknown): unknown {
  if (path.length === 0) return replace(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = setAt(copy[head as number], rest, replace);
    return copy;
  }
  if (value && typeof value === 'object') {
    const copy = { ...(value as Record<string, unknown>) };
    copy[head as string] = setAt(copy[head as string], rest, replace);
    return copy;
  }
  return value;
}

const REMOVE = Symbol('remove');
const stripRemoved = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.filter((v) => v !== REMOVE).map(stripRemoved);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== REMOVE)
        .map(([k, v]) => [k, stripRemoved(v)]),
    );
  return value;
};

type Mutation =
  | { kind: 'replace'; at: number; with: unknown }
  | { kind: 'remove'; at: number }
  | { kind: 'extra'; key: string; with: unknown }
  | { kind: 'empty'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), with: hostileValue }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('extra' as const),
    key: fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('__proto__', 'constructor', 'id', 'partnershipId'),
    ),
    with: hostileValue,
  }),
  fc.record({ kind: fc.constant('empty' as const), at: fc.nat() }),
);

function applyMutation(value: unknown, m: Mutation): unknown {
  if (m.kind === 'extra') {
    if (value && typeof value === 'object' && !Array.isArray(value)) return { ...value, [m.key]: m.with };
    return value;
  }
  const paths = leaves(value);
  const path = paths[m.at % paths.length]!;
  if (m.kind === 'replace') return setAt(value, path, () => m.with);
  if (m.kind === 'empty')
    return setAt(value, path, (old) => (Array.isArray(old) ? [] : typeof old === 'string' ? '' : {}));
  if (path.length === 0) return undefined;
  return stripRemoved(setAt(value, path, () => REMOVE));
}

/** A valid-looking body with one to three things wrong in it: a field of the wrong type, one missing, one extra. */
export function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([value, ms]) => ms.reduce(applyMutation, value));
}
