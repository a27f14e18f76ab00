/**
 * `ssj monitor URL --state DIR [--once] [--interval SECONDS]` (ssj-log/1 §4): run by anyone, e.g.
 * a journalist or a court. Polls a portal's log, keeps every signed tree head it saw in DIR,
 * checks each new head's signature against the key it pinned first (or one a rotation handed
 * over to, §6: a head of the old key covers the `key` entry), checks consistency with every head
 * seen before, recomputes the root from the entries, and reports commitments never
 * followed by a draw or an abandonment. Exit 1 on a split view or a rewritten history.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import {
  fromHex,
  logEntrySchema,
  logKeysDocumentSchema,
  nobleMerkleHasher,
  signedTreeHeadSchema,
  toHex,
  treeRoot,
  type SignedTreeHead,
} from '@openssj/core';
import { z } from 'zod';
import { compareHeads, fetchConsistency } from './log.command';
import { headSignatureValid, parseSavedHead } from './log-files';

const USAGE = `usage: ssj monitor URL --state DIR [--once] [--interval SECONDS]
  polls URL's transparency log, stores every signed tree head in DIR/sths, checks consistency with
  every head seen before and reports commitments never followed by a draw or an abandonment.
  Exit 1 on a split view or a rewritten history, 2 on unusable input or an unreachable portal.
`;

const stateSchema = z.object({
  /** The keys this monitor trusts: the first it saw, then each one a rotation handed over to. */
  keyIds: z.array(z.string()),
  publicKeys: z.record(z.string(), z.string()),
  /** Retired keys → the size of the head that handed over; a later head of theirs is an alarm. */
  retired: z.record(z.string(), z.number()).default({}),
  /** `key` entries seen in the log (§6), by the new keyId. */
  keyEntries: z
    .record(
      z.string(),
      z.object({ index: z.number(), publicKey: z.string(), previousKeyId: z.string().nullable() }),
    )
    .default({}),
  leaves: z.array(z.string()),
  commitments: z.record(
    z.string(),
    z.object({ taskId: z.string(), at: z.string(), outcome: z.enum(['pending', 'drawn', 'abandoned']) }),
  ),
});
type State = z.infer<typeof stateSchema>;

const entriesSchema = z.object({
  entries: z.array(z.object({ index: z.number(), leafHash: z.string(), entry: z.string() })),
});

class MonitorAlarm extends Error {}
class Unreachable extends Error {}

async function getJson(url: string): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new Unreachable(`cannot reach ${url}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!res.ok) {
    throw new Unreachable(`HTTP ${res.status} from ${url}`);
  }
  return res.json();
}

function loadState(dir: string): State {
  const file = path.join(dir, 'state.json');
  return existsSync(file)
    ? stateSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
    : { keyIds: [], publicKeys: {}, retired: {}, keyEntries: {}, leaves: [], commitments: {} };
}

function savedHeads(dir: string): SignedTreeHead[] {
  const sthDir = path.join(dir, 'sths');
  return readdirSync(sthDir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => {
      const h = parseSavedHead(JSON.parse(readFileSync(path.join(sthDir, f), 'utf8')), f);
      return h.ok ? [h.value.sth] : [];
    });
}

/** One poll; returns the lines to print. Throws MonitorAlarm on a split view or rewritten history. */
export async function pollOnce(base: string, dir: string): Promise<string[]> {
  const out: string[] = [];
  mkdirSync(path.join(dir, 'sths'), { recursive: true });
  const state = loadState(dir);
  const keys = logKeysDocumentSchema.parse(await getJson(`${base}/.well-known/ssj-log-key`));
  for (const k of keys.keys) {
    state.publicKeys[k.keyId] = k.publicKey;
  }
  if (state.keyIds.length === 0) {
    state.keyIds = keys.keys.filter((k) => k.retiredAt === null).map((k) => k.keyId);
    out.push(`已固定公钥 / pinned keys: ${state.keyIds.join(', ')}`);
  }
  const head = parseSavedHead(await getJson(`${base}/api/public/log/sth`), `${base}/api/public/log/sth`);
  if (!head.ok) {
    throw new MonitorAlarm(head.message);
  }
  const sth = head.value.sth;
  const handedOver = state.retired[sth.keyId];
  if (handedOver !== undefined && sth.treeSize > handedOver) {
    throw new MonitorAlarm(
      `已停用的密钥仍在签名 / a retired key signed again: keyId ${sth.keyId} handed over at size ${handedOver}, now signs size ${sth.treeSize}`,
    );
  }
  const pinned = state.keyIds.includes(sth.keyId) || handedOver !== undefined;
  const key = state.publicKeys[sth.keyId];
  if (pinned && (key === undefined || !headSignatureValid(sth, key))) {
    throw new MonitorAlarm(`签名无效 / the tree head's signature does not verify (keyId ${sth.keyId})`);
  }
  // consistency with every head seen before (split view: same size, another root)
  for (const old of savedHeads(dir)) {
    const problem = await compareHeads(old, sth, () =>
      fetchConsistency(base, Math.min(old.treeSize, sth.treeSize), Math.max(old.treeSize, sth.treeSize)),
    );
    if (problem !== null) {
      if (problem.kind === 'unreachable') {
        throw new Unreachable(problem.message);
      }
      throw new MonitorAlarm(problem.message);
    }
  }
  // fetch the new entries, recompute the root over all leaves, follow commitments
  if (sth.treeSize < state.leaves.length) {
    throw new MonitorAlarm(
      `历史被改写 / REWRITTEN HISTORY: the log shrank from ${state.leaves.length} to ${sth.treeSize} entries`,
    );
  }
  while (state.leaves.length < sth.treeSize) {
    const start = state.leaves.length;
    const page = entriesSchema.parse(
      await getJson(`${base}/api/public/log/entries?start=${start}&end=${sth.treeSize - 1}`),
    );
    if (page.entries.length === 0) {
      throw new MonitorAlarm(`the portal serves no entry ${start} of a tree of ${sth.treeSize}`);
    }
    for (const e of page.entries) {
      const leaf = toHex(nobleMerkleHasher.hashLeaf(new TextEncoder().encode(e.entry)));
      if (e.index !== state.leaves.length || leaf !== e.leafHash) {
        throw new MonitorAlarm(`entry ${e.index}: its bytes do not hash to the served leaf hash`);
      }
      state.leaves.push(leaf);
      follow(state, e.index, e.entry);
    }
  }
  const root = toHex(
    treeRoot(state.leaves.map((l) => fromHex(l) ?? new Uint8Array()).slice(0, sth.treeSize)),
  );
  if (root !== sth.rootHash) {
    throw new MonitorAlarm(
      `历史被改写 / REWRITTEN HISTORY: the entries hash to ${root}, the signed head says ${sth.rootHash}`,
    );
  }
  if (!pinned) {
    out.push(await acceptRotation(base, state, sth));
  }
  writeFileSync(
    path.join(dir, 'sths', `${String(sth.treeSize).padStart(10, '0')}-${sth.rootHash.slice(0, 16)}.json`),
    JSON.stringify({ ...sth, source: base }, null, 2),
  );
  writeFileSync(path.join(dir, 'state.json'), JSON.stringify(state));
  out.push(
    `树头一致 / tree head ${sth.treeSize} consistent with ${savedHeads(dir).length - 1} earlier heads; root ${sth.rootHash}`,
  );
  const pending = Object.entries(state.commitments).filter(([, c]) => c.outcome === 'pending');
  for (const [drawId, c] of pending) {
    out.push(
      `未完成的承诺 / commitment never followed by a draw or an abandonment: draw ${drawId} of task ${c.taskId}, committed ${c.at}`,
    );
  }
  const abandoned = Object.values(state.commitments).filter((c) => c.outcome === 'abandoned').length;
  out.push(
    `承诺 / commitments: ${Object.keys(state.commitments).length}, abandoned ${abandoned}, pending ${pending.length}`,
  );
  return out;
}

/**
 * §6: a head signed by a key this monitor does not trust is accepted only as a rotation: a `key`
 * entry names it and a trusted key, and a head of that trusted key, over entries this monitor
 * holds, includes the entry. Then the new key is trusted and the old one retired at that head.
 */
async function acceptRotation(base: string, state: State, sth: SignedTreeHead): Promise<string> {
  const k = state.keyEntries[sth.keyId];
  if (k === undefined || k.previousKeyId === null || !state.keyIds.includes(k.previousKeyId)) {
    throw new MonitorAlarm(
      `新日志 / A NEW LOG: the tree head is signed by key ${sth.keyId}, which no rotation from a trusted key introduced`,
    );
  }
  if (!headSignatureValid(sth, k.publicKey)) {
    throw new MonitorAlarm(
      `签名无效 / the tree head's signature does not verify with the key the log announced (keyId ${sth.keyId})`,
    );
  }
  const previous = k.previousKeyId;
  const oldKey = state.publicKeys[previous];
  const hand = await findHandover(
    base,
    previous,
    k.index,
    (h) =>
      oldKey !== undefined &&
      h.treeSize <= state.leaves.length &&
      headSignatureValid(h, oldKey) &&
      toHex(treeRoot(state.leaves.slice(0, h.treeSize).map((l) => fromHex(l) ?? new Uint8Array()))) ===
        h.rootHash,
  );
  if (hand === null) {
    throw new MonitorAlarm(
      `新日志 / A NEW LOG: no tree head of the previous key ${previous} covers the key entry ${k.index} that introduced ${sth.keyId}`,
    );
  }
  state.keyIds = [...state.keyIds.filter((x) => x !== previous), sth.keyId];
  state.publicKeys[sth.keyId] = k.publicKey;
  state.retired[previous] = hand.treeSize;
  return `密钥轮换 / key rotated: ${previous} → ${sth.keyId}, handed over by the old key's head of size ${hand.treeSize}`;
}

/** The first past head of `keyId` that covers entry `index` and passes `valid`, or null. */
async function findHandover(
  base: string,
  keyId: string,
  index: number,
  valid: (h: SignedTreeHead) => boolean,
): Promise<SignedTreeHead | null> {
  for (let from = 0; ; from += 1000) {
    const page = z
      .object({ sths: z.array(signedTreeHeadSchema) })
      .parse(await getJson(`${base}/api/public/log/sths?from=${from}&limit=1000`));
    const found = page.sths.find((h) => h.keyId === keyId && h.treeSize > index && valid(h));
    if (found !== undefined) {
      return found;
    }
    if (page.sths.length < 1000) {
      return null;
    }
  }
}

function follow(state: State, index: number, text: string): void {
  const e = logEntrySchema.safeParse(JSON.parse(text));
  if (!e.success) {
    throw new MonitorAlarm(`an entry is not ssj-log/1: ${text.slice(0, 120)}`);
  }
  const v = e.data;
  if (v.kind === 'key') {
    state.keyEntries[v.keyId] = { index, publicKey: v.publicKey, previousKeyId: v.previousKeyId };
  } else if (v.kind === 'commitment') {
    state.commitments[v.drawId] = { taskId: v.taskId, at: v.at, outcome: 'pending' };
  } else if (v.kind === 'draw' || v.kind === 'abandon') {
    const c = state.commitments[v.drawId];
    if (c !== undefined) {
      c.outcome = v.kind === 'draw' ? 'drawn' : 'abandoned';
    }
  }
}

/** Run `ssj monitor`; returns the exit code. */
export async function run(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  let a;
  try {
    a = parseArgs({
      args: [...argv],
      options: { state: { type: 'string' }, once: { type: 'boolean' }, interval: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    process.stderr.write(`ssj monitor: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  const [url] = a.positionals;
  const interval = Number(a.values.interval ?? '60');
  if (url === undefined || a.values.state === undefined || !Number.isInteger(interval) || interval < 1) {
    process.stderr.write(
      `ssj monitor: ${url === undefined ? 'missing URL' : a.values.state === undefined ? 'missing --state DIR' : 'bad --interval'}\n${USAGE}`,
    );
    return 2;
  }
  const base = url.replace(/\/$/, '');
  for (;;) {
    try {
      const lines = await pollOnce(base, a.values.state);
      process.stdout.write(`${new Date().toISOString()} ${lines.join(`\n  `)}\n`);
    } catch (e) {
      if (e instanceof MonitorAlarm) {
        process.stdout.write(`警报 / ALARM: ${e.message}\n`);
        return 1;
      }
      if (e instanceof Unreachable || e instanceof z.ZodError) {
        process.stderr.write(`ssj monitor: ${e.message}\n`);
        if (a.values.once === true) {
          return 2;
        }
      } else {
        throw e;
      }
    }
    if (a.values.once === true) {
      return 0;
    }
    await new Promise((r) => setTimeout(r, interval * 1000));
  }
}
