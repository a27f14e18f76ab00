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
import { validate, type Hints } from './support/json-schema';
import {
  CASES,
  casesOf,
  hintsFor,
  mutate,
  operationsOf,
  requestArb,
  slotsOf,
  urlOf,
  type Operation,
  type Req,
} from './support/fuzz-requests';
import { loginAs, testApp, type LoggedIn, type TestApp } from './support/app';
import { loadInspectionWorld } from './support/inspection-fixtures';

const SEED = 20261203;

/**
 * Operations the fuzz does not send. None today: logout ends the admin's session, so the
 * fuzz logs in again after it instead of skipping it.
 */
const SKIPPED: Readonly<Record<string, string>> = {};

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
