/**
 * `ssj log verify --sth FILE [--key KEYFILE] [--entry FILE]` and
 * `ssj log consistency OLD.json NEW.json [--url URL] [--key KEYFILE]` (ssj-log/1 §8): check a
 * saved tree head's signature, an entry's inclusion, and that the log only grew between two
 * saved heads. Exit 0 verified, 1 not, 2 unusable input. `ssj log rotate-key`: rotate-key.command.ts.
 */
import process from 'node:process';
import { parseArgs } from 'node:util';
import { fromHex, toHex, nobleMerkleHasher, verifyConsistency, verifyInclusion } from '@openssj/core';
import { z } from 'zod';
import { headSignatureValid, readKeyFile, readReceipt, readSavedHead, type SavedHead } from './log-files';
import { ROTATE_USAGE, rotateKeyCommand } from './rotate-key.command';

const USAGE = `usage:
  ssj log verify --sth FILE [--key KEYFILE] [--entry FILE]
      check a signed tree head's Ed25519 signature and, with --entry, that the entry is in that tree
  ssj log consistency OLD.json NEW.json [--url URL] [--key KEYFILE]
      fetch the consistency proof between two saved heads from the portal and check it
${ROTATE_USAGE}KEYFILE is the document at URL/.well-known/ssj-log-key (or a file holding the base64 key); without
it, the publicKey saved beside the head is used. Exit 0 verified, 1 not verified, 2 unusable input.
`;

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_UNUSABLE = 2;

function unusable(message: string): number {
  process.stderr.write(`ssj log: ${message}\n${USAGE}`);
  return EXIT_UNUSABLE;
}

function fail(message: string): number {
  process.stdout.write(`${message}\n`);
  return EXIT_FAILED;
}

/** The key a saved head must verify with: --key's entry for its keyId, else the one beside it. */
function keyFor(head: SavedHead, keys: Map<string, string> | null): string | null {
  return keys === null ? head.publicKey : (keys.get(head.sth.keyId) ?? null);
}

function checkSignature(head: SavedHead, keys: Map<string, string> | null, name: string): string | null {
  const key = keyFor(head, keys);
  if (key === null) {
    return keys === null
      ? `${name}: 未提供公钥 / no public key: pass --key with the portal's /.well-known/ssj-log-key`
      : `${name}: 公钥文件中没有 keyId ${head.sth.keyId} / the key file has no key ${head.sth.keyId}`;
  }
  return headSignatureValid(head.sth, key)
    ? null
    : `${name}: 签名无效 / the signature does not verify (keyId ${head.sth.keyId})`;
}

/** Run `ssj log …`; returns the exit code. */
export async function run(argv: readonly string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h' || (sub !== undefined && rest.includes('--help'))) {
    process.stdout.write(USAGE);
    return EXIT_OK;
  }
  if (sub === 'verify') {
    return verifyCommand(rest);
  }
  if (sub === 'consistency') {
    return consistencyCommand(rest);
  }
  if (sub === 'rotate-key') {
    return rotateKeyCommand(rest);
  }
  return unusable(sub === undefined ? 'missing subcommand' : `unknown subcommand "${sub}"`);
}

function opt(values: Record<string, unknown>, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

function parse(argv: readonly string[], options: Record<string, { type: 'string' }>) {
  try {
    return {
      ok: true as const,
      ...parseArgs({ args: [...argv], options, allowPositionals: true, strict: true }),
    };
  } catch (e) {
    return { ok: false as const, message: e instanceof Error ? e.message : String(e) };
  }
}

function verifyCommand(argv: readonly string[]): number {
  const a = parse(argv, { sth: { type: 'string' }, key: { type: 'string' }, entry: { type: 'string' } });
  if (!a.ok) {
    return unusable(a.message);
  }
  const sthPath = opt(a.values, 'sth');
  const keyPath = opt(a.values, 'key');
  const entryPath = opt(a.values, 'entry');
  if (sthPath === undefined || a.positionals.length > 0) {
    return unusable(sthPath === undefined ? 'missing --sth FILE' : `unexpected ${a.positionals.join(' ')}`);
  }
  const head = readSavedHead(sthPath);
  if (!head.ok) {
    return unusable(head.message);
  }
  const keys = keyPath === undefined ? null : readKeyFile(keyPath);
  if (keys !== null && !keys.ok) {
    return unusable(keys.message);
  }
  const bad = checkSignature(head.value, keys === null ? null : keys.value, sthPath);
  if (bad !== null) {
    return fail(bad);
  }
  const { sth } = head.value;
  const lines = [
    `树头签名有效 / tree head signature valid: size ${sth.treeSize}, root ${sth.rootHash}, keyId ${sth.keyId}`,
  ];
  if (entryPath !== undefined) {
    const r = readReceipt(entryPath);
    if (!r.ok) {
      return unusable(r.message);
    }
    if (r.value.treeSize !== null && r.value.treeSize !== sth.treeSize) {
      return unusable(`the receipt is for a tree of ${r.value.treeSize}, the head is ${sth.treeSize}`);
    }
    const leaf = nobleMerkleHasher.hashLeaf(new TextEncoder().encode(r.value.text));
    const path = r.value.inclusionPath.map((p) => fromHex(p) ?? new Uint8Array());
    const root = fromHex(sth.rootHash) ?? new Uint8Array();
    if (!verifyInclusion(r.value.leafIndex, sth.treeSize, leaf, path, root)) {
      return fail(
        `未收录 / NOT included: entry ${r.value.leafIndex} (leaf ${toHex(leaf)}) does not lead to root ${sth.rootHash}`,
      );
    }
    lines.push(`已收录 / included: entry ${r.value.leafIndex}, leaf ${toHex(leaf)}`);
  }
  process.stdout.write(`${lines.join('\n')}\nverified\n`);
  return EXIT_OK;
}

const proofSchema = z.object({ consistency: z.array(z.string().regex(/^[0-9a-f]{64}$/)) });

/** Fetch the consistency proof between two sizes from a portal. */
export async function fetchConsistency(
  url: string,
  first: number,
  second: number,
): Promise<string[] | string> {
  try {
    const res = await fetch(
      `${url.replace(/\/$/, '')}/api/public/log/consistency?first=${first}&second=${second}`,
    );
    if (!res.ok) {
      return `HTTP ${res.status} from ${url}`;
    }
    const p = proofSchema.safeParse(await res.json());
    return p.success ? p.data.consistency : `${url}: not a consistency proof`;
  } catch (e) {
    return `cannot reach ${url}: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** Compare two heads; null when consistent, else the problem ('split' or 'rewritten'). */
export async function compareHeads(
  older: SavedHead['sth'],
  newer: SavedHead['sth'],
  proof: () => Promise<string[] | string>,
): Promise<{ kind: 'split' | 'rewritten' | 'unreachable'; message: string } | null> {
  const [a, b] = older.treeSize <= newer.treeSize ? [older, newer] : [newer, older];
  if (a.treeSize === b.treeSize) {
    return a.rootHash === b.rootHash
      ? null
      : {
          kind: 'split',
          message: `分叉视图 / SPLIT VIEW: two signed heads of size ${a.treeSize} with roots ${a.rootHash} and ${b.rootHash}`,
        };
  }
  if (a.timestamp > b.timestamp) {
    return {
      kind: 'rewritten',
      message: `历史被改写 / REWRITTEN HISTORY: the head of size ${b.treeSize} is older than the head of size ${a.treeSize}`,
    };
  }
  const p = await proof();
  if (typeof p === 'string') {
    return { kind: 'unreachable', message: p };
  }
  const ok = verifyConsistency(
    a.treeSize,
    b.treeSize,
    fromHex(a.rootHash) ?? new Uint8Array(),
    fromHex(b.rootHash) ?? new Uint8Array(),
    p.map((x) => fromHex(x) ?? new Uint8Array()),
  );
  return ok
    ? null
    : {
        kind: 'rewritten',
        message: `历史被改写 / REWRITTEN HISTORY: the tree of ${a.treeSize} (root ${a.rootHash}) is not a prefix of the tree of ${b.treeSize} (root ${b.rootHash})`,
      };
}

async function consistencyCommand(argv: readonly string[]): Promise<number> {
  const a = parse(argv, { url: { type: 'string' }, key: { type: 'string' } });
  if (!a.ok) {
    return unusable(a.message);
  }
  if (a.positionals.length !== 2) {
    return unusable('expected OLD.json NEW.json');
  }
  const [oldPath = '', newPath = ''] = a.positionals;
  const older = readSavedHead(oldPath);
  const newer = readSavedHead(newPath);
  if (!older.ok || !newer.ok) {
    return unusable(!older.ok ? older.message : newer.ok ? '' : newer.message);
  }
  const keyPath = opt(a.values, 'key');
  const keys = keyPath === undefined ? null : readKeyFile(keyPath);
  if (keys !== null && !keys.ok) {
    return unusable(keys.message);
  }
  for (const [h, name] of [
    [older.value, oldPath],
    [newer.value, newPath],
  ] as const) {
    const bad = checkSignature(h, keys === null ? null : keys.value, name);
    if (bad !== null) {
      return fail(bad);
    }
  }
  const url = opt(a.values, 'url') ?? newer.value.source ?? older.value.source;
  const problem = await compareHeads(older.value.sth, newer.value.sth, () =>
    url === undefined || url === null
      ? Promise.resolve('no --url and no source in the files')
      : fetchConsistency(
          url,
          Math.min(older.value.sth.treeSize, newer.value.sth.treeSize),
          Math.max(older.value.sth.treeSize, newer.value.sth.treeSize),
        ),
  );
  if (problem === null) {
    process.stdout.write(
      `一致 / consistent: the log of ${older.value.sth.treeSize} entries is a prefix of the log of ${newer.value.sth.treeSize}\nverified\n`,
    );
    return EXIT_OK;
  }
  return problem.kind === 'unreachable' ? unusable(problem.message) : fail(problem.message);
}
