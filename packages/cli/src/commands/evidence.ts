/**
 * `ssj evidence export INSPECTION_ID DIR` and `ssj evidence verify DIR` (issue 15): write a visit's
 * photos out with their record (evidence.json), and check a folder of exported photos against the
 * record and the transparency log. verify exits 0 when every file matches, 1 when one was changed,
 * is not on record or is missing, and 2 on unusable input.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import process from 'node:process';
import { evidenceManifestSchema, exportEvidence, verifyEvidence } from '@openssj/server';
import { EVIDENCE_USAGE } from './evidence-usage';
import { withDatabase } from './with-database';

const MANIFEST = 'evidence.json';

function fail(message: string): number {
  process.stderr.write(`ssj evidence: ${message}\n${EVIDENCE_USAGE}\n`);
  return 2;
}

async function exportCommand(inspectionId: string, dir: string): Promise<number> {
  return withDatabase(
    async (database) => {
      const r = await exportEvidence(database.db, inspectionId);
      if (!r.ok) {
        process.stderr.write(`ssj evidence: ${r.error.messageZh} / ${r.error.messageEn}\n`);
        return 2;
      }
      await mkdir(dir, { recursive: true });
      for (const f of r.value.files) {
        await writeFile(join(dir, f.name), f.bytes);
      }
      await writeFile(join(dir, MANIFEST), `${JSON.stringify(r.value.manifest, null, 2)}\n`);
      process.stdout.write(
        `已导出 ${r.value.files.length} 张照片及 ${MANIFEST} / exported ${r.value.files.length} photos and ${MANIFEST} to ${dir}\n`,
      );
      return 0;
    },
    { prefix: 'ssj evidence: ' },
  );
}

async function verifyCommand(dir: string): Promise<number> {
  let names: string[];
  try {
    if (!(await stat(dir)).isDirectory()) {
      return fail(`${dir} is not a folder`);
    }
    names = (await readdir(dir)).filter((n) => n !== MANIFEST && !n.startsWith('.')).sort();
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
  let expected: string[] = [];
  try {
    const raw = await readFile(join(dir, MANIFEST), 'utf8');
    const m = evidenceManifestSchema.safeParse(JSON.parse(raw));
    if (!m.success) {
      return fail(`${MANIFEST} is not an ssj-evidence/1 manifest`);
    }
    expected = m.data.photos.map((p) => p.photoId);
  } catch (e) {
    if (!(e instanceof Error && 'code' in e && e.code === 'ENOENT')) {
      return fail(`${MANIFEST}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const files = await Promise.all(
    names.map(async (name) => ({ name, bytes: await readFile(join(dir, name)) })),
  );
  return withDatabase(
    async (database) => {
      const checks = await verifyEvidence(database.db, files, expected);
      let bad = 0;
      for (const c of checks) {
        const log =
          c.logged === null
            ? ''
            : c.logged === false
              ? '，日志中无此哈希 / not in the log'
              : `，日志 #${c.logged} / log entry ${c.logged}`;
        switch (c.status) {
          case 'ok':
            process.stdout.write(`一致 / ok: ${c.file} ${c.sha256 ?? ''}${log}\n`);
            break;
          case 'tampered':
            process.stdout.write(
              `不一致 / TAMPERED: ${c.file} 哈希 ${c.sha256 ?? ''}，记录 / on record ${c.recorded ?? ''}\n`,
            );
            break;
          case 'unknown':
            process.stdout.write(`无记录 / UNKNOWN: ${c.file} 不是已记录的照片 / is not a recorded photo\n`);
            break;
          case 'missing':
            process.stdout.write(
              `缺失 / MISSING: 清单中的照片 ${c.photoId ?? ''} 不在文件夹中 / listed but not in the folder\n`,
            );
            break;
        }
        if (c.status !== 'ok' || c.logged === false) {
          bad += 1;
        }
      }
      if (checks.length === 0) {
        process.stdout.write(`文件夹中没有照片 / no photos in ${dir}\n`);
        return 1;
      }
      process.stdout.write(
        bad === 0
          ? `全部 ${checks.length} 张照片与记录一致 / all ${checks.length} photos match the record\n`
          : `${bad} 处不一致 / ${bad} of ${checks.length} do not match\n`,
      );
      return bad === 0 ? 0 : 1;
    },
    { prefix: 'ssj evidence: ' },
  );
}

export async function run(argv: readonly string[]): Promise<number> {
  const [mode, ...rest] = argv;
  if (mode === 'export' && rest.length === 2) {
    return exportCommand(rest[0] ?? '', rest[1] ?? '');
  }
  if (mode === 'verify' && rest.length === 1) {
    return verifyCommand(rest[0] ?? '');
  }
  return fail(mode === undefined ? 'missing export or verify' : `unexpected arguments: ${argv.join(' ')}`);
}
