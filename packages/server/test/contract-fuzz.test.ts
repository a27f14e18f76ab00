/**
 * The contract fuzz (issue 10 §3). Every operation of the app's own OpenAPI document gets
 * generated requests: valid ones (fast-check arbitraries from the parameter and body schemas)
 * and invalid ones (one slot replaced by a NUL byte, a lone surrogate, a huge string, a bad
 * date, a wrong type, a missing key, a body that is not an object or not JSON). Each is sent
 * as a system admin (with the CSRF header) and anonymously. The replies must never be a 5xx,
 * must carry a documented status, and must match the documented schema.
 *
 * Deterministic: a fixed seed per operation. One app and database per engine.
 */
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../src/db/test-databases';
import { arbitraryOf, rec, validate, type Hints, type Schema } from './support/json-schema';
import { loginAs, testApp, type LoggedIn, type TestApp } from './support/app';
import { DEPT_A, DEPT_B, DEPT_C } from './support/fixtures';
import {
  DRAW_ID,
  ITEM_A,
  ITEM_C,
  loadInspectionWorld,
  TASK_ID,
  USCC_1,
  USCC_2,
  type InspectionWorld,
} from './support/inspection-fixtures';

const SEED = 20261203;
/** Generated requests per operation (half valid, half invalid), each sent twice. */
const CASES = 16;

/**
 * Operations the fuzz does not send. None today: logout ends the admin's session, so the
 * fuzz logs in again after it instead of skipping it.
 */
const SKIPPED: Readonly<Record<string, string>> = {};

interface Param {
  readonly name: string;
  readonly required: boolean;
  readonly schema: Schema;
}

interface Documented {
  /** Content type → schema (a JSON schema for application/json, else the file's). */
  readonly content: Readonly<Record<string, Schema>>;
}

interface Operation {
  readonly key: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly pathParams: readonly Param[];
  readonly queryParams: readonly Param[];
  readonly body: Schema | null;
  readonly responses: Readonly<Record<string, Documented>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation of the document, in a stable order. */
function operationsOf(doc: unknown): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(rec(rec(doc)?.['paths']) ?? {})) {
    for (const m of METHODS) {
      const op = rec(rec(item)?.[m]);
      if (op === undefined) {
        continue;
      }
      const params = (Array.isArray(op['parameters']) ? op['parameters'] : []).flatMap((p) => {
        const r = rec(p);
        const name = r?.['name'];
        return r !== undefined && typeof name === 'string'
          ? [{ name, in: r['in'], required: r['required'] === true, schema: rec(r['schema']) ?? {} }]
          : [];
      });
      const body = rec(rec(rec(rec(op['requestBody'])?.['content'])?.['application/json'])?.['schema']);
      const responses: Record<string, Documented> = {};
      for (const [status, r] of Object.entries(rec(op['responses']) ?? {})) {
        const content: Record<string, Schema> = {};
        for (const [type, c] of Object.entries(rec(rec(r)?.['content']) ?? {})) {
          content[type] = rec(rec(c)?.['schema']) ?? {};
        }
        responses[status] = { content };
      }
      ops.push({
        key: `${m.toUpperCase()} ${path}`,
        method:
          m === 'get'
            ? 'GET'
            : m === 'post'
              ? 'POST'
              : m === 'put'
                ? 'PUT'
                : m === 'patch'
                  ? 'PATCH'
                  : 'DELETE',
        path,
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        body: body ?? null,
        responses,
      });
    }
  }
  return ops.sort((a, b) => a.key.localeCompare(b.key));
}

interface Req {
  readonly path: Record<string, unknown>;
  readonly query: Record<string, unknown>;
  readonly body: unknown;
  /** A raw body instead of JSON (bad JSON, another media type). */
  readonly raw?: { readonly contentType: string; readonly payload: string };
  readonly note: string;
}

const BAD_STRINGS = [
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udfffy',
  'x'.repeat(20_000),
  '0000-02-29',
  '2026-02-30',
  '9999-12-31T25:61:00Z',
  '-1',
  '1e309',
  'NaN',
  '../../etc/passwd',
  "' OR 1=1 --",
  '%',
  '',
  ' ',
];
const WRONG_TYPES: readonly unknown[] = [12345, -1, 1.5, 1e308, true, null, [], {}, ['a'], { a: 1 }];
const BAD_BODIES: readonly unknown[] = [null, [], 'text', 42, {}, [{}]];

/** The slots of a request: path and query parameters, and every node of the body. */
function slotsOf(op: Operation, req: Req): (readonly (string | number)[])[] {
  const slots: (readonly (string | number)[])[] = [
    ...op.pathParams.map((p) => ['path', p.name]),
    ...op.queryParams.map((p) => ['query', p.name]),
  ];
  const walk = (v: unknown, at: (string | number)[]): void => {
    slots.push(at);
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...at, i]));
    } else {
      for (const [k, x] of Object.entries(rec(v) ?? {})) {
        walk(x, [...at, k]);
      }
    }
  };
  if (op.body !== null) {
    walk(req.body, ['body']);
  }
  return slots;
}

function list(v: unknown[]): unknown[] {
  return v.map((x: unknown) => x);
}

/** A copy of `root` with the node at `path` replaced (or removed when `value` is undefined). */
function replaceAt(root: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) {
    return value;
  }
  if (Array.isArray(root) && typeof head === 'number') {
    const copy: unknown[] = list(root);
    if (rest.length === 0 && value === undefined) {
      copy.splice(head, 1);
    } else {
      copy[head] = replaceAt(root[head], rest, value);
    }
    return copy;
  }
  const copy: Record<string, unknown> = { ...(rec(root) ?? {}) };
  if (rest.length === 0 && value === undefined) {
    delete copy[String(head)];
  } else {
    copy[String(head)] = replaceAt(copy[String(head)], rest, value);
  }
  return copy;
}

type Mutation =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'type'; readonly value: unknown }
  | { readonly kind: 'drop' }
  | { readonly kind: 'body'; readonly value: unknown }
  | { readonly kind: 'raw'; readonly contentType: string; readonly payload: string };

const MUTATION: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom(...BAD_STRINGS).map((value) => ({ kind: 'string' as const, value })),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(...WRONG_TYPES).map((value) => ({ kind: 'type' as const, value })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'drop' as const }) },
  { weight: 1, arbitrary: fc.constantFrom(...BAD_BODIES).map((value) => ({ kind: 'body' as const, value })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { kind: 'raw' as const, contentType: 'application/json', payload: '{"a":' },
      { kind: 'raw' as const, contentType: 'text/plain', payload: 'hello' },
      { kind: 'raw' as const, contentType: 'application/xml', payload: '<a/>' },
    ),
  },
);

function mutate(op: Operation, req: Req, m: Mutation, pick: number): Req {
  if (m.kind === 'body') {
    return { ...req, body: m.value, note: `body ← ${JSON.stringify(m.value)}` };
  }
  if (m.kind === 'raw') {
    return { ...req, raw: { contentType: m.contentType, payload: m.payload }, note: `raw ${m.contentType}` };
  }
  const slots = slotsOf(op, req);
  const slot = slots[pick % Math.max(1, slots.length)];
  if (slot === undefined) {
    return { ...req, raw: { contentType: 'application/json', payload: '{"a":' }, note: 'raw bad JSON' };
  }
  const [part, ...at] = slot;
  const value = m.kind === 'drop' ? undefined : m.value;
  const note = `${slot.join('.')} ← ${m.kind === 'drop' ? '(removed)' : JSON.stringify(value)?.slice(0, 40)}`;
  if (part === 'path') {
    return { ...req, path: { ...req.path, [String(at[0])]: value ?? '' }, note };
  }
  if (part === 'query') {
    return { ...req, query: { ...req.query, [String(at[0])]: value }, note };
  }
  return { ...req, body: replaceAt(req.body, at, value), note };
}

/** encodeURIComponent, with lone surrogates sent as their (invalid) UTF-8 bytes. */
function encode(v: unknown): string {
  const s = typeof v === 'string' ? v : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
  try {
    return encodeURIComponent(s);
  } catch {
    return s
      .split('')
      .map((c) =>
        /[\ud800-\udfff]/.test(c)
          ? `%ED%${(0xa0 + ((c.charCodeAt(0) >> 6) & 0x1f)).toString(16)}%80`
          : encodeURIComponent(c),
      )
      .join('');
  }
}

function urlOf(op: Operation, req: Req): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encode(req.path[name] ?? 'x'));
  const query = Object.entries(req.query)
    .filter(([, v]) => v !== undefined)
    .flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => `${k}=${encode(x)}`) : [`${k}=${encode(v)}`]))
    .join('&');
  return query === '' ? path : `${path}?${query}`;
}

/** Field names → fixture values (never the admin's own account, which the fuzz needs). */
function hintsFor(world: InspectionWorld): Hints {
  const ids = [world.visit, world.joint, world.other, TASK_ID, DRAW_ID, ITEM_A, ITEM_C, USCC_1, USCC_2];
  const departments = [DEPT_A, DEPT_B, DEPT_C, '500000-SCJG'];
  const regions = ['500112', '500103', '500000'];
  return (name) => {
    if (/^(id|.*Id|targetId|inspectionId)$/.test(name)) {
      return ids;
    }
    if (/itemIds?$/.test(name)) {
      return [ITEM_A, ITEM_C];
    }
    if (/department|claimedBy|lead|cooperating/i.test(name)) {
      return departments;
    }
    if (/region|division/i.test(name)) {
      return regions;
    }
    if (/uscc/i.test(name)) {
      return [USCC_1, USCC_2];
    }
    if (/year/i.test(name)) {
      return [2026, 2027];
    }
    if (/username/i.test(name)) {
      return ['insp_a', 'admin_b'];
    }
    return [];
  };
}

function requestArb(op: Operation, hints: Hints): fc.Arbitrary<Req> {
  const pathModel: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of op.pathParams) {
    pathModel[p.name] = arbitraryOf(p.schema, hints, p.name);
  }
  const queryModel: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of op.queryParams) {
    queryModel[p.name] = arbitraryOf(p.schema, hints, p.name);
  }
  const valid = fc.record({
    path: fc.record(pathModel),
    query: fc.record(queryModel, {
      requiredKeys: op.queryParams.filter((p) => p.required).map((p) => p.name),
    }),
    body: op.body === null ? fc.constant(undefined) : arbitraryOf(op.body, hints),
    note: fc.constant('valid'),
  });
  return valid;
}

/** The requests of one operation: half valid, half with one mutation. */
function casesOf(op: Operation, hints: Hints, seed: number): Req[] {
  const half = CASES / 2;
  const valid = fc.sample(requestArb(op, hints), { seed, numRuns: half });
  const invalid = fc.sample(
    fc.tuple(requestArb(op, hints), MUTATION, fc.nat()).map(([r, m, pick]) => mutate(op, r, m, pick)),
    { seed: seed + 1, numRuns: half },
  );
  return [...valid, ...invalid];
}

/** Why a reply breaks the contract, or null. */
function breach(
  op: Operation,
  res: { statusCode: number; headers: Readonly<Record<string, unknown>>; body: string },
): string | null {
  if (res.statusCode >= 500) {
    return `status ${res.statusCode}: ${res.body.slice(0, 300)}`;
  }
  const documented = op.responses[String(res.statusCode)];
  if (documented === undefined) {
    return `undocumented status ${res.statusCode}: ${res.body.slice(0, 200)}`;
  }
  const header = res.headers['content-type'];
  const type = (typeof header === 'string' ? header : '').split(';')[0] ?? '';
  const types = Object.keys(documented.content);
  if (types.length > 0 && !types.includes(type)) {
    return `content type ${type} is not among ${types.join(', ')}`;
  }
  const schema = documented.content['application/json'];
  if (type === 'application/json' && schema !== undefined) {
    let body: unknown;
    try {
      body = JSON.parse(res.body);
    } catch {
      return `not JSON: ${res.body.slice(0, 100)}`;
    }
    const problems = validate(schema, body);
    if (problems.length > 0) {
      return `reply does not match its schema: ${problems.slice(0, 3).join('; ')}`;
    }
  }
  return null;
}

describe.each(ENGINES)('contract fuzz on %s', (engine) => {
  let t: TestApp;
  let admin: LoggedIn;
  let hints: Hints;
  beforeAll(async () => {
    t = await testApp(engine);
    hints = hintsFor(await loadInspectionWorld(t.database));
    admin = await loginAs(t.app, 'sys');
  });
  afterAll(async () => {
    await t.close();
  });

  /** Send a generated request with the given headers. */
  async function send(op: Operation, req: Req, auth: Readonly<Record<string, string>>) {
    const headers: Record<string, string> = { ...auth };
    const inject: InjectOptions = { method: op.method, url: urlOf(op, req), headers };
    if (req.raw !== undefined) {
      headers['content-type'] = req.raw.contentType;
      inject.payload = req.raw.payload;
    } else if (op.body !== null && req.body !== undefined) {
      headers['content-type'] = 'application/json';
      inject.payload = JSON.stringify(req.body);
    }
    try {
      return await t.app.inject(inject);
    } catch (e) {
      // A reply that breaks off (a stream failing after its headers) is a broken contract too.
      const message = e instanceof Error ? e.message : String(e);
      return { statusCode: 599, headers: {}, body: `reply broke off: ${message}` };
    }
  }

  it('sends generated requests to every operation: no 5xx, documented statuses, replies as documented', async () => {
    const ops = operationsOf(t.app.swagger());
    expect(ops.length).toBeGreaterThan(100);
    const failures: string[] = [];
    let sent = 0;
    let fuzzed = 0;
    const statuses = new Map<number, number>();
    for (const [i, op] of ops.entries()) {
      if (SKIPPED[op.key] !== undefined) {
        continue;
      }
      fuzzed++;
      for (const req of casesOf(op, hints, SEED + i)) {
        for (const who of ['admin', 'anonymous'] as const) {
          const res = await send(op, req, who === 'admin' ? admin.headers : {});
          sent++;
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          const problem = breach(op, res);
          if (problem !== null && failures.length < 200) {
            failures.push(`${op.key} [${who}; ${req.note}] ${problem}`);
          }
          if (who === 'admin' && res.statusCode === 401 && op.key !== 'POST /api/auth/login') {
            admin = await loginAs(t.app, 'sys'); // logout (or a password change) ended the session
          }
        }
      }
    }
    const skipped = Object.entries(SKIPPED).map(([k, why]) => `${k}: ${why}`);
    console.log(
      `contract fuzz on ${engine}: ${fuzzed} operations × ${CASES} cases × 2 callers = ${sent} requests` +
        (skipped.length > 0 ? `; skipped: ${skipped.join('; ')}` : '; none skipped') +
        `; statuses ${[...statuses]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s}×${n}`)
          .join(' ')}`,
    );
    expect(sent).toBe(fuzzed * CASES * 2);
    expect(failures).toEqual([]);
  }, 600_000);

  it('refuses a NUL byte in every parameter and body field of every operation, as a 400', async () => {
    const ops = operationsOf(t.app.swagger()).filter((op) => SKIPPED[op.key] === undefined);
    const failures: string[] = [];
    const reached = new Set<string>();
    let sent = 0;
    for (const [i, op] of ops.entries()) {
      const [base] = fc.sample(requestArb(op, hints), { seed: SEED + i, numRuns: 1 });
      if (base === undefined) {
        continue;
      }
      for (const [n] of slotsOf(op, base).entries()) {
        const req = mutate(op, base, { kind: 'string', value: 'a\u0000b' }, n);
        const res = await send(op, req, admin.headers);
        sent++;
        reached.add(op.key);
        if (res.statusCode >= 500 || breach(op, res) !== null) {
          failures.push(`${op.key} [${req.note}] ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
        if (res.statusCode === 401 && op.key !== 'POST /api/auth/login') {
          admin = await loginAs(t.app, 'sys');
        }
      }
    }
    console.log(`NUL sweep on ${engine}: ${sent} requests over ${reached.size} operations`);
    expect(failures).toEqual([]);
  }, 600_000);
});
