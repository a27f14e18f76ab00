/**
 * ssj-log/1 from the outside (issue 13): `ssj monitor` against the demo server, `ssj log verify`
 * and `ssj log consistency` on saved heads and a receipt, and `ssj audit verify --sth` catching a
 * rewritten audit row after the server stopped. Forged heads are signed with the server's own key
 * file, as an operator who wanted to show two histories would.
 */
import { createPrivateKey, sign } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signedTreeHeadSchema, treeHeadSignedBytes, type SignedTreeHead } from '@openssj/core';
import { startServer } from '@openssj/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { put, ssj, tmp } from './draw-helpers';

const dataDir = tmp();
const stateDir = tmp();
const work = tmp();
let url = '';
let stop: (() => Promise<void>) | null = null;

function forge(sth: SignedTreeHead, change: Partial<SignedTreeHead>): SignedTreeHead {
  const key = createPrivateKey(readFileSync(join(dataDir, 'ssj-log-key.pem'), 'utf8'));
  const h = { ...sth, ...change };
  return { ...h, signature: sign(null, treeHeadSignedBytes(h), key).toString('base64') };
}

async function getJson(path: string): Promise<unknown> {
  const res = await fetch(`${url}${path}`);
  expect(res.status, path).toBe(200);
  return res.json();
}

/** Stop the running server, if any. */
async function halt(): Promise<void> {
  const s = stop;
  stop = null;
  await s?.();
}

/** Start (or restart) the demo server on the data directory and wait for its first signed head. */
async function start(): Promise<void> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const running = await startServer(
    {
      SSJ_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      SSJ_DEMO: 'on',
      SSJ_WEB_DIST: join(work, 'none'),
    },
    () => undefined,
  );
  url = running.url;
  stop = () => running.stop();
  // the signer's first round runs at start-up; wait for its head
  for (let i = 0; i < 100 && (await fetch(`${url}/api/public/log/sth`)).status !== 200; i++) {
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('ssj log, ssj monitor and ssj audit verify --sth against the demo server', () => {
  beforeAll(start, 600_000);
  afterAll(async () => {
    await stop?.();
  });

  it('answers --help with exit 0', async () => {
    for (const args of [
      ['log', '--help'],
      ['monitor', '--help'],
      ['audit', 'verify', '--help'],
    ]) {
      expect((await ssj(args)).code, args.join(' ')).toBe(0);
    }
  });

  it('monitors the demo log: heads kept, abandoned draws counted, and a split view or rewritten history exits 1', async () => {
    const first = await ssj(['monitor', url, '--state', stateDir, '--once']);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toMatch(/abandoned [1-9]/); // the demo abandons one draw, on record
    const second = await ssj(['monitor', url, '--state', stateDir, '--once']);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    const heads = readdirSync(join(stateDir, 'sths'));
    expect(heads.length).toBeGreaterThanOrEqual(1);

    const sth = signedTreeHeadSchema.parse(await getJson('/api/public/log/sth'));
    // a second head of the same size with another root, validly signed: a split view
    const split = tmp();
    for (const f of readdirSync(join(stateDir))) {
      if (f === 'state.json') {
        put(split, f, readFileSync(join(stateDir, f), 'utf8'));
      }
    }
    mkdirSync(join(split, 'sths'), { recursive: true });
    put(join(split, 'sths'), 'forged.json', JSON.stringify(forge(sth, { rootHash: 'ab'.repeat(32) })));
    const s = await ssj(['monitor', url, '--state', split, '--once']);
    expect([s.code, s.stdout]).toEqual([1, expect.stringMatching(/SPLIT VIEW/)]);

    // an older head that the current log does not extend: a rewritten history
    const rewritten = tmp();
    mkdirSync(join(rewritten, 'sths'), { recursive: true });
    put(
      join(rewritten, 'sths'),
      'old.json',
      JSON.stringify(
        forge(sth, { treeSize: sth.treeSize - 1, timestamp: sth.timestamp - 10, rootHash: 'cd'.repeat(32) }),
      ),
    );
    const r = await ssj(['monitor', url, '--state', rewritten, '--once']);
    expect([r.code, r.stdout]).toEqual([1, expect.stringMatching(/REWRITTEN HISTORY/)]);
  });

  it('verifies a head and a draw entry offline, refuses a tampered entry, and checks consistency', async () => {
    const keys = put(work, 'keys.json', JSON.stringify(await getJson('/.well-known/ssj-log-key')));
    const sth = signedTreeHeadSchema.parse(await getJson('/api/public/log/sth'));
    const sthFile = put(work, 'sth.json', JSON.stringify(sth));
    const draws = z
      .object({ items: z.array(z.object({ id: z.string() })) })
      .parse(await getJson('/api/public/draws'));
    const entrySchema = z.object({
      entries: z.array(
        z.object({ leafIndex: z.number(), entry: z.string(), inclusionPath: z.array(z.string()).nullable() }),
      ),
    });
    let view: z.infer<typeof entrySchema> = { entries: [] };
    for (const d of draws.items) {
      view = entrySchema.parse(await getJson(`/api/public/log/draws/${d.id}`));
      if (view.entries.some((x) => x.inclusionPath !== null)) {
        break;
      }
    }
    const e = view.entries.find((x) => x.inclusionPath !== null);
    expect(e, 'a public draw has a logged entry').toBeDefined();
    const receipt = put(work, 'entry.json', JSON.stringify({ ...e, treeSize: sth.treeSize }));
    const ok = await ssj(['log', 'verify', '--sth', sthFile, '--key', keys, '--entry', receipt]);
    expect([ok.code, ok.stdout]).toEqual([0, expect.stringMatching(/verified\n$/)]);
    const tampered = put(
      work,
      'bad.json',
      JSON.stringify({ ...e, entry: (e?.entry ?? '').replace('"draw', '"drew'), treeSize: sth.treeSize }),
    );
    expect((await ssj(['log', 'verify', '--sth', sthFile, '--key', keys, '--entry', tampered])).code).toBe(1);
    const forged = put(work, 'forged.json', JSON.stringify({ ...sth, treeSize: sth.treeSize + 1 }));
    expect((await ssj(['log', 'verify', '--sth', forged, '--key', keys])).code).toBe(1);
    expect((await ssj(['log', 'verify', '--sth', join(work, 'missing.json')])).code).toBe(2);

    const heads = z
      .object({ sths: z.array(signedTreeHeadSchema) })
      .parse(await getJson('/api/public/log/sths'));
    const oldest = put(work, 'old.json', JSON.stringify(heads.sths[0]));
    const c = await ssj(['log', 'consistency', oldest, sthFile, '--url', url, '--key', keys]);
    expect([c.code, c.stdout]).toEqual([0, expect.stringMatching(/verified/)]);
    const split = put(work, 'split.json', JSON.stringify(forge(sth, { rootHash: 'ef'.repeat(32) })));
    expect((await ssj(['log', 'consistency', sthFile, split, '--url', url, '--key', keys])).code).toBe(1);
  });

  it('rotate-key hands over to a new key the monitor follows; a key that appears without a rotation is a new log', async () => {
    const before = signedTreeHeadSchema.parse(await getJson('/api/public/log/sth'));
    const beforeFile = put(work, 'before-rotation.json', JSON.stringify(before));
    await halt();
    const env = { SSJ_DATA_DIR: dataDir };
    const rotated = await ssj(['log', 'rotate-key'], env);
    expect(rotated.code, rotated.stdout + rotated.stderr).toBe(0);
    expect(rotated.stdout).toContain(`key rotated: ${before.keyId} → `);
    expect(readdirSync(dataDir).filter((f) => f.startsWith('ssj-log-key.pem.retired-'))).toHaveLength(1);
    await start();
    const after = signedTreeHeadSchema.parse(await getJson('/api/public/log/sth'));
    expect(after.keyId).not.toBe(before.keyId);
    const doc = z
      .object({ keys: z.array(z.object({ keyId: z.string(), retiredAt: z.string().nullable() })) })
      .parse(await getJson('/.well-known/ssj-log-key'));
    expect(doc.keys.map((k) => [k.keyId, k.retiredAt === null])).toEqual([
      [before.keyId, false],
      [after.keyId, true],
    ]);
    // the monitor that pinned the old key moves to the new one through the old key's hand-over head
    const m = await ssj(['monitor', url, '--state', stateDir, '--once']);
    expect([m.code, m.stdout]).toEqual([
      0,
      expect.stringMatching(new RegExp(`key rotated: ${before.keyId} → ${after.keyId}`)),
    ]);
    expect((await ssj(['monitor', url, '--state', stateDir, '--once'])).code).toBe(0);
    // the log only grew across the rotation (heads of two keys, both in the key document)
    const keys = put(work, 'keys-rotated.json', JSON.stringify(await getJson('/.well-known/ssj-log-key')));
    const afterFile = put(work, 'after-rotation.json', JSON.stringify(after));
    const c = await ssj(['log', 'consistency', beforeFile, afterFile, '--url', url, '--key', keys]);
    expect([c.code, c.stdout]).toEqual([0, expect.stringMatching(/verified/)]);

    // the key file lost and a new key made at start: no rotation hands over, the monitor raises the alarm
    await halt();
    const keyFile = join(dataDir, 'ssj-log-key.pem');
    const kept = readFileSync(keyFile, 'utf8');
    rmSync(keyFile);
    await start();
    const fresh = tmp();
    cpSync(stateDir, fresh, { recursive: true });
    const lost = await ssj(['monitor', url, '--state', fresh, '--once']);
    expect([lost.code, lost.stdout]).toEqual([1, expect.stringMatching(/A NEW LOG/)]);
    await halt();
    writeFileSync(keyFile, kept, { mode: 0o600 });
    await start();
  });

  it('audit verify --sth: intact after the server stops; a rewritten row is named by its seq', async () => {
    const sth = signedTreeHeadSchema.parse(await getJson('/api/public/log/sth'));
    const keys = put(work, 'keys2.json', JSON.stringify(await getJson('/.well-known/ssj-log-key')));
    const sthFile = put(work, 'sth2.json', JSON.stringify(sth));
    await halt();
    const env = { SSJ_DATA_DIR: dataDir };
    const intact = await ssj(['audit', 'verify', '--sth', sthFile, '--key', keys], env);
    expect([intact.code, intact.stdout]).toEqual([0, expect.stringMatching(/anchored/)]);
    // the other database verbs on the same data directory
    const chain = await ssj(['audit', 'verify'], env);
    expect([chain.code, chain.stdout]).toEqual([0, expect.stringMatching(/audit chain intact/)]);
    const rollups = await ssj(['rollups', 'check'], env);
    expect([rollups.code, rollups.stdout]).toEqual([0, expect.stringMatching(/rollups agree/)]);
    // the probe: a superuser bypasses the trigger and rewrites row 5 (its hash stays, the chain breaks)
    const { openPglite } = await import('@openssj/server/bench');
    const db = await openPglite(dataDir);
    await db.db.transaction(async (tx) => {
      const { sql } = await import('drizzle-orm');
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await tx.execute(sql`UPDATE audit_log SET hash = ${'0'.repeat(64)} WHERE seq = 5`);
    });
    await db.close();
    const bad = await ssj(['audit', 'verify', '--sth', sthFile, '--key', keys], env);
    expect([bad.code, bad.stdout]).toEqual([1, expect.stringMatching(/first bad seq: 5\n/)]);
    const broken = await ssj(['audit', 'verify'], env);
    expect([broken.code, broken.stdout]).toEqual([1, expect.stringMatching(/audit chain broken at seq 5/)]);
  });
});
