/**
 * `ssj evidence export` and `ssj evidence verify` (issue 15, part 2): a visit's photos written
 * out as files with a manifest, and a folder of such files checked against the record. Each file
 * is named by its photo id; its SHA-256 must equal the hash on record (taken on the phone and
 * checked on receipt), and, once the result is published, the hash in the transparency log's
 * result entry. A file whose bytes changed by one bit fails.
 */
import { domainError, err, ok, resultEntrySchema, type DomainError, type Result } from '@openssj/core';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { entriesOfTask } from '../platform';
import { findInspection } from './inspection.repo';
import { listPhotosWithData, photoRecordsByIds } from './photo.repo';
import { evidenceFileName, sha256Hex } from './evidence';

/** The manifest written beside exported photos (evidence.json). */
export const evidenceManifestSchema = z.object({
  format: z.literal('ssj-evidence/1'),
  inspectionId: z.string(),
  taskId: z.string(),
  photos: z.array(
    z.object({
      file: z.string(),
      photoId: z.string(),
      itemId: z.string().nullable(),
      sha256: z.string(),
      bytes: z.number(),
      takenAt: z.string(),
      lat: z.string().nullable(),
      lng: z.string().nullable(),
      accuracy: z.number().nullable(),
      receivedAt: z.string().nullable(),
      by: z.string(),
    }),
  ),
});
export type EvidenceManifest = z.infer<typeof evidenceManifestSchema>;

/** A visit's photos as files (name and bytes) and their manifest. */
export async function exportEvidence(
  db: Db,
  inspectionId: string,
): Promise<Result<{ manifest: EvidenceManifest; files: { name: string; bytes: Buffer }[] }, DomainError>> {
  const i = await findInspection(db, inspectionId);
  if (i === undefined) {
    return err(domainError('NOT_FOUND', `检查 ${inspectionId} 不存在`, `no inspection ${inspectionId}`));
  }
  const rows = await listPhotosWithData(db, inspectionId);
  const files = rows.map((r) => ({
    name: evidenceFileName(r.id, r.mime),
    bytes: Buffer.from(r.data, 'base64'),
  }));
  return ok({
    manifest: {
      format: 'ssj-evidence/1',
      inspectionId,
      taskId: i.taskId,
      photos: rows.map((r, k) => ({
        file: files[k]?.name ?? '',
        photoId: r.id,
        itemId: r.itemId,
        sha256: r.sha256,
        bytes: r.bytes,
        takenAt: r.takenAt.toISOString(),
        lat: r.lat,
        lng: r.lng,
        accuracy: r.accuracy,
        receivedAt: r.receivedAt?.toISOString() ?? null,
        by: r.by,
      })),
    },
    files,
  });
}

/** What `verify` found for one file (or one photo of the manifest with no file). */
export interface EvidenceCheck {
  readonly file: string;
  readonly photoId: string | null;
  /** ok; tampered (hash differs from the record); unknown (no such photo on record); missing (in the manifest, not in the folder). */
  readonly status: 'ok' | 'tampered' | 'unknown' | 'missing';
  readonly sha256: string | null;
  readonly recorded: string | null;
  /** The log entry (its index) holding this photo's hash, when its result is published; false when published without it. */
  readonly logged: number | false | null;
}

const UUID_STEM = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.[a-z]+$/;

/** Check files (name and bytes) against the record and the log; `expected` lists the manifest's photo ids. */
export async function verifyEvidence(
  db: Db,
  files: readonly { name: string; bytes: Uint8Array }[],
  expected: readonly string[] = [],
): Promise<EvidenceCheck[]> {
  const ids = files.flatMap((f) => UUID_STEM.exec(f.name)?.[1] ?? []);
  const records = new Map((await photoRecordsByIds(db, ids)).map((r) => [r.id, r]));
  const logged = await loggedHashes(
    db,
    [...records.values()].map((r) => r.inspectionId),
  );
  const out: EvidenceCheck[] = files.map((f) => {
    const id = UUID_STEM.exec(f.name)?.[1] ?? null;
    const rec = id === null ? undefined : records.get(id);
    const sha256 = sha256Hex(f.bytes);
    if (rec === undefined) {
      return { file: f.name, photoId: id, status: 'unknown', sha256, recorded: null, logged: null };
    }
    const inLog = logged.get(rec.inspectionId);
    const entry = inLog === undefined ? null : (inLog.get(`${rec.id}|${sha256}`) ?? false);
    return {
      file: f.name,
      photoId: id,
      status: sha256 === rec.sha256 ? 'ok' : 'tampered',
      sha256,
      recorded: rec.sha256,
      logged: entry,
    };
  });
  const seen = new Set(ids);
  for (const id of expected.filter((e) => !seen.has(e))) {
    out.push({ file: '', photoId: id, status: 'missing', sha256: null, recorded: null, logged: null });
  }
  return out;
}

/** Per published inspection: `photo|sha256` → the log index of the result entry that holds it. */
async function loggedHashes(
  db: Db,
  inspectionIds: readonly string[],
): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  const tasks = new Set<string>();
  for (const id of new Set(inspectionIds)) {
    const i = await findInspection(db, id);
    if (i !== undefined) {
      tasks.add(i.taskId);
    }
  }
  for (const taskId of tasks) {
    for (const row of await entriesOfTask(db, taskId)) {
      if (row.kind !== 'result') {
        continue;
      }
      const e = resultEntrySchema.safeParse(JSON.parse(row.entry));
      if (!e.success) {
        continue;
      }
      for (const inspection of e.data.inspections) {
        const m = out.get(inspection) ?? new Map<string, number>();
        for (const x of (e.data.evidence ?? []).filter((v) => v.inspection === inspection)) {
          m.set(`${x.photo}|${x.sha256}`, row.idx);
        }
        out.set(inspection, m);
      }
    }
  }
  return out;
}
