/**
 * `ssj backup DIR` and `ssj restore DIR --yes` (issue 17 §4), for both engines: PGlite (stop the
 * server first: the data dir is locked while it runs) and PostgreSQL (pg_dump of one snapshot,
 * while the server runs; restore with the server stopped). The restore proves what it restored:
 * the audit chain, the transparency log's root and signed head, and every table's count equal the
 * backup's manifest. Exit 0 done (and proven), 1 restored but a check failed, 2 unusable input.
 */
import process from 'node:process';
import {
  auditRestore,
  createBackup,
  loadConfig,
  openDatabase,
  readBackup,
  restoreBackup,
  verifyRestored,
  type Database,
} from '@openssj/server';
import { BACKUP_USAGE, RESTORE_USAGE } from './backup-usage';

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function open(
  env: NodeJS.ProcessEnv,
): Promise<{ database: Database; url?: string; dataDir: string } | null> {
  const config = loadConfig(env);
  try {
    const database = await openDatabase(config);
    return {
      database,
      dataDir: config.SSJ_DATA_DIR,
      ...(config.DATABASE_URL === undefined ? {} : { url: config.DATABASE_URL }),
    };
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return null;
  }
}

/** `ssj backup DIR`. */
export async function backup(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const dir = argv[0];
  if (dir === undefined || argv.length !== 1 || dir.startsWith('-')) {
    process.stderr.write(`${BACKUP_USAGE}\n`);
    return 2;
  }
  const target = await open(env);
  if (target === null) {
    return 2;
  }
  try {
    const t0 = performance.now();
    const res = await createBackup(target, dir, new Date());
    if (!res.ok) {
      process.stderr.write(`${res.error.messageZh}\n${res.error.messageEn}\n`);
      return 2;
    }
    const m = res.value;
    const rows = Object.values(m.counts).reduce((a, b) => a + b, 0);
    say(`备份完成 / backup written: ${dir} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    say(`  数据 / payload:    ${m.payload.file}, ${m.payload.bytes} bytes, sha256 ${m.payload.sha256}`);
    say(`  审计链 / audit:    ${m.audit.rows} rows, last hash ${m.audit.lastHash}`);
    say(`  公开日志 / log:    ${m.log.size} entries, root ${m.log.rootHash}`);
    say(`  表 / tables:       ${Object.keys(m.counts).length}, ${rows} rows`);
    return 0;
  } finally {
    await target.database.close();
  }
}

/** `ssj restore DIR --yes`. */
export async function restore(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const args = argv.filter((a) => a !== '--yes');
  const dir = args[0];
  if (dir === undefined || args.length !== 1 || dir.startsWith('-')) {
    process.stderr.write(`${RESTORE_USAGE}\n`);
    return 2;
  }
  if (!argv.includes('--yes')) {
    process.stderr.write(
      '恢复会替换当前数据库的全部数据：确认请加 --yes / a restore replaces every row of this database: add --yes to confirm\n',
    );
    return 2;
  }
  const read = await readBackup(dir);
  if (!read.ok) {
    process.stderr.write(`${read.error.messageZh}\n${read.error.messageEn}\n`);
    return 2;
  }
  const m = read.value;
  const target = await open(env);
  if (target === null) {
    return 2;
  }
  const restored = await restoreBackup(target, dir, m, new Date()); // closes the database
  if (!restored.ok) {
    await target.database.close().catch(() => undefined);
    process.stderr.write(`${restored.error.messageZh}\n${restored.error.messageEn}\n`);
    return 2;
  }
  say(`已恢复 / restored: backup of ${m.createdAt} (${m.engine})`);
  if (restored.value.kept !== null) {
    say(`  原数据目录保留在 / the old data dir is kept at ${restored.value.kept}`);
  }
  const reopened = await open(env);
  if (reopened === null) {
    return 2;
  }
  try {
    const checks = await verifyRestored(reopened.database.db, m);
    for (const c of checks) {
      say(`  ${c.ok ? '✓' : '✗'} ${c.check.padEnd(6)} ${c.detail}`);
    }
    const allOk = checks.every((c) => c.ok);
    await auditRestore(reopened.database.db, m, new Date());
    say(
      allOk
        ? '恢复核验通过：截至备份时的数据一条不少 / verified: nothing up to the backup is lost'
        : '恢复核验未通过 / the restored database differs from the backup (see ✗ above)',
    );
    return allOk ? 0 : 1;
  } finally {
    await reopened.database.close();
  }
}
