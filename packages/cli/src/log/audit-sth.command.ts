/**
 * `ssj audit verify --sth FILE [--key KEYFILE]` (ssj-log/1 §8): the audit chain of the configured
 * database checked against a signed tree head saved outside it. Names the first audit row that
 * was rewritten (even with the chain recomputed after it) or deleted. Exit 0 intact, 1 not, 2 unusable.
 */
import process from 'node:process';
import { withDatabase } from '../commands/with-database';
import { parseArgs } from 'node:util';
import { verifyAuditAgainstTreeHead } from '@openssj/server';
import { readKeyFile, readSavedHead } from './log-files';

const USAGE = `usage: ssj audit verify [--sth FILE [--key KEYFILE]]   (uses DATABASE_URL or SSJ_DATA_DIR)
  without --sth: walk the hash chain; with --sth: also compare every audit row the signed tree head
  checkpoints with the database, and name the first rewritten or deleted seq.
`;

/** Run `ssj audit verify --sth …`; returns the exit code. */
export async function run(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let values: { sth?: string | undefined; key?: string | undefined };
  try {
    values = parseArgs({
      args: [...argv],
      options: { sth: { type: 'string' }, key: { type: 'string' } },
      strict: true,
    }).values;
  } catch (e) {
    process.stderr.write(`ssj audit: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  if (values.sth === undefined) {
    process.stderr.write(`ssj audit: missing --sth FILE\n${USAGE}`);
    return 2;
  }
  const head = readSavedHead(values.sth);
  const keys = values.key === undefined ? null : readKeyFile(values.key);
  if (!head.ok || (keys !== null && !keys.ok)) {
    process.stderr.write(
      `ssj audit: ${!head.ok ? head.message : keys !== null && !keys.ok ? keys.message : ''}\n`,
    );
    return 2;
  }
  const pinned =
    keys !== null && keys.ok ? (keys.value.get(head.value.sth.keyId) ?? null) : head.value.publicKey;
  return withDatabase(
    async (database) => {
      const v = await verifyAuditAgainstTreeHead(database.db, head.value.sth, pinned);
      if (v.ok) {
        process.stdout.write(
          `审计链完整且与签名树头一致 / audit chain intact and anchored: ${v.rows} rows, checkpointed through seq ${v.anchoredThrough} by the tree head of size ${head.value.sth.treeSize}` +
            (v.keyPinned ? '\n' : ' (key read from the database: pass --key to pin it)\n'),
        );
        return 0;
      }
      process.stdout.write(
        v.problem === 'audit'
          ? `${v.message}\n第一个异常序号 / first bad seq: ${v.firstBadSeq}\n`
          : `${v.message}\n`,
      );
      return 1;
    },
    { env },
  );
}
