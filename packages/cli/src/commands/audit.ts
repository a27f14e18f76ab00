/**
 * `ssj audit verify`: walk the audit hash chain and report the first broken link.
 */
import process from 'node:process';
import { withDatabase } from './with-database';
import { verifyAuditChain } from '@openssj/server';

/** Verify the chain of the configured database; exit 0 intact, 1 broken, 2 usage. */
export async function run(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(
      'usage: ssj audit verify [--sth FILE [--key KEYFILE]]   (uses DATABASE_URL or SSJ_DATA_DIR)\n',
    );
    return 0;
  }
  if (argv[0] === 'verify' && argv.slice(1).some((a) => a.startsWith('--sth') || a.startsWith('--key'))) {
    return (await import('../log/audit-sth.command')).run(argv.slice(1)); // ssj-log/1 §8
  }
  if (argv[0] !== 'verify' || argv.length > 1) {
    process.stderr.write('usage: ssj audit verify   (uses DATABASE_URL or SSJ_DATA_DIR)\n');
    return 2;
  }
  return withDatabase(async (database) => {
    const v = await verifyAuditChain(database.db);
    if (v.ok) {
      process.stdout.write(`审计链完整 / audit chain intact: ${v.rows} rows, last hash ${v.lastHash}\n`);
      return 0;
    }
    process.stdout.write(
      `审计链在第 ${v.brokenAt} 条断开 / audit chain broken at seq ${v.brokenAt} (${v.reason}); ` +
        `${v.rows} rows verified before it\n  expected ${v.expected}\n  actual   ${v.actual}\n`,
    );
    return 1;
  });
}
