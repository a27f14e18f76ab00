/**
 * Photos of a visit (taken on the phone, resized there to ≤ 1600 px JPEG), with time and
 * browser GPS. Staff-only: photos are never public. A client-made id makes a retried
 * upload after a lost connection a no-op.
 */
import {
  domainError,
  err,
  inspectionStatusSchema,
  isEditable,
  ok,
  type DomainError,
  type Result,
} from '@openssj/core';
import { z } from 'zod';
import { type Actor, type AuditContext, audit, type ServiceDeps } from '../platform';
import { lockInspection } from './inspection.repo';
import { deletePhoto, findPhoto, insertPhoto } from './photo.repo';
import { inTransaction } from '../../db/tx';
import { accessInspection, inspectionNotFound, notOnTeam, recordingDepartments } from './inspection-access';
import { loadVisitItems } from './inspection-view';
import { sha256Hex } from './evidence';

/** Largest photo accepted, in base64 characters (about 3 MB of JPEG). */
export const PHOTO_MAX_CHARS = 4_000_000;

export const photoInputSchema = z.object({
  id: z.uuid(),
  itemId: z.uuid().nullable().default(null),
  fieldKey: z.string().max(32).nullable().default(null),
  image: z
    .string()
    .max(PHOTO_MAX_CHARS)
    .regex(/^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/=]+$/, 'a JPEG, PNG or WebP data URL'),
  takenAt: z.iso.datetime({ offset: true }),
  lat: z.number().min(-90).max(90).nullable().default(null),
  lng: z.number().min(-180).max(180).nullable().default(null),
  /** The GPS fix's accuracy in metres. */
  accuracy: z.number().min(0).max(1_000_000).nullable().default(null),
  /** SHA-256 of the photo's bytes, hashed on the phone before upload; the server checks it. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '64 lower-case hex digits'),
});
export type PhotoInput = z.infer<typeof photoInputSchema>;

export const photoMetaSchema = z.object({
  id: z.string(),
  itemId: z.string().nullable(),
  fieldKey: z.string().nullable(),
  takenAt: z.string(),
  bytes: z.number(),
  sha256: z.string(),
  created: z.boolean(),
});

/** Add a photo to a visit the actor is recording (idempotent by id). */
export async function addPhoto(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  inspectionId: string,
  p: PhotoInput,
): Promise<Result<z.infer<typeof photoMetaSchema>, DomainError>> {
  const now = deps.clock();
  return inTransaction(deps.database.db, async (tx) => {
    const row = await lockInspection(tx, inspectionId);
    if (row === undefined) {
      return err(inspectionNotFound(inspectionId));
    }
    const acc = await accessInspection(tx, ctx.actor, inspectionId, row);
    if (!acc.ok) {
      return acc;
    }
    if (!acc.value.onTeam) {
      return err(notOnTeam());
    }
    if (!isEditable(inspectionStatusSchema.parse(row.status))) {
      return err(
        domainError('INVALID_STATE', '检查已提交，不能再添加照片', 'the visit is submitted; no more photos'),
      );
    }
    if (p.itemId !== null) {
      const item = (await loadVisitItems(tx, row.taskId)).find((i) => i.itemId === p.itemId);
      if (item === undefined) {
        return err(
          domainError('VALIDATION', '该事项不属于本次抽查任务', 'the item is not part of this task'),
        );
      }
      if (!recordingDepartments(acc.value).has(item.departmentCode)) {
        return err(
          domainError(
            'FORBIDDEN',
            `「${item.name}」由 ${item.departmentCode} 的检查人员录入`,
            `'${item.name}' is recorded by an inspector of ${item.departmentCode}`,
          ),
        );
      }
    }
    const comma = p.image.indexOf(',');
    const mime = p.image.slice(5, p.image.indexOf(';'));
    const data = p.image.slice(comma + 1);
    const raw = Buffer.from(data, 'base64');
    const bytes = raw.length;
    const sha256 = sha256Hex(raw);
    if (sha256 !== p.sha256) {
      // the bytes that arrived are not the bytes the phone hashed: refuse, never store them
      return err(
        domainError(
          'VALIDATION',
          `照片 ${p.id} 的哈希值与收到的内容不符，请重新上传`,
          `photo ${p.id}: the SHA-256 does not match the bytes received; upload it again`,
          {
            issues: [
              {
                field: 'sha256',
                value: p.sha256,
                messageZh: `收到内容的 SHA-256 为 ${sha256}`,
                messageEn: `the bytes received hash to ${sha256}`,
              },
            ],
          },
        ),
      );
    }
    const created = await insertPhoto(tx, {
      id: p.id,
      inspectionId,
      itemId: p.itemId,
      fieldKey: p.fieldKey,
      mime,
      bytes,
      data,
      takenAt: new Date(p.takenAt),
      lat: p.lat === null ? null : String(p.lat),
      lng: p.lng === null ? null : String(p.lng),
      accuracy: p.accuracy,
      by: ctx.actor.username,
      sha256,
      receivedAt: now,
    });
    if (created) {
      await audit(
        tx,
        ctx,
        {
          action: 'inspection.photo_added',
          entityType: 'inspection',
          entityId: inspectionId,
          after: {
            photoId: p.id,
            itemId: p.itemId,
            fieldKey: p.fieldKey,
            bytes,
            takenAt: p.takenAt,
            lat: p.lat,
            lng: p.lng,
            accuracy: p.accuracy,
            sha256,
            receivedAt: now.toISOString(),
          },
        },
        now,
      );
    }
    return ok({
      id: p.id,
      itemId: p.itemId,
      fieldKey: p.fieldKey,
      takenAt: p.takenAt,
      bytes,
      sha256,
      created,
    });
  });
}

/** A photo's bytes, for staff who may read the visit. */
export async function getPhoto(
  deps: ServiceDeps,
  actor: Actor,
  inspectionId: string,
  photoId: string,
): Promise<Result<{ mime: string; data: Buffer }, DomainError>> {
  const db = deps.database.db;
  const acc = await accessInspection(db, actor, inspectionId);
  if (!acc.ok) {
    return acc;
  }
  const photo = await findPhoto(db, inspectionId, photoId);
  if (photo === undefined) {
    return err(domainError('NOT_FOUND', '照片不存在', 'no such photo'));
  }
  return ok({ mime: photo.mime, data: Buffer.from(photo.data, 'base64') });
}

/** Remove a photo from a visit still being recorded (team only). */
export async function removePhoto(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  inspectionId: string,
  photoId: string,
): Promise<Result<{ removed: string }, DomainError>> {
  const now = deps.clock();
  return inTransaction(deps.database.db, async (tx) => {
    const row = await lockInspection(tx, inspectionId);
    if (row === undefined) {
      return err(inspectionNotFound(inspectionId));
    }
    const acc = await accessInspection(tx, ctx.actor, inspectionId, row);
    if (!acc.ok) {
      return acc;
    }
    if (!acc.value.onTeam) {
      return err(notOnTeam());
    }
    if (!isEditable(inspectionStatusSchema.parse(row.status))) {
      return err(
        domainError('INVALID_STATE', '检查已提交，不能删除照片', 'the visit is submitted; photos stay'),
      );
    }
    if (!(await deletePhoto(tx, inspectionId, photoId))) {
      return err(domainError('NOT_FOUND', '照片不存在', 'no such photo'));
    }
    await audit(
      tx,
      ctx,
      {
        action: 'inspection.photo_removed',
        entityType: 'inspection',
        entityId: inspectionId,
        after: { photoId },
      },
      now,
    );
    return ok({ removed: photoId });
  });
}
