/**
 * Inspection photos (issue 5; evidence, issue 15): metadata without the bytes for views, the
 * hashes for the log's result entry and for `ssj evidence verify`, and the bytes for downloads.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { inspectionPhotos } from '../../db/schema';

export type PhotoMeta = Omit<typeof inspectionPhotos.$inferSelect, 'data'>;

/** The photos of an inspection without their data. */
export async function listPhotoMeta(db: Db, inspectionId: string): Promise<PhotoMeta[]> {
  return db
    .select({
      id: inspectionPhotos.id,
      inspectionId: inspectionPhotos.inspectionId,
      itemId: inspectionPhotos.itemId,
      fieldKey: inspectionPhotos.fieldKey,
      mime: inspectionPhotos.mime,
      bytes: inspectionPhotos.bytes,
      takenAt: inspectionPhotos.takenAt,
      lat: inspectionPhotos.lat,
      lng: inspectionPhotos.lng,
      by: inspectionPhotos.by,
      sha256: inspectionPhotos.sha256,
      accuracy: inspectionPhotos.accuracy,
      receivedAt: inspectionPhotos.receivedAt,
    })
    .from(inspectionPhotos)
    .where(eq(inspectionPhotos.inspectionId, inspectionId))
    .orderBy(asc(inspectionPhotos.takenAt), asc(inspectionPhotos.id));
}

/** The photo hashes of some inspections, sorted by inspection then photo (the log's result entry). */
export async function photoHashesOf(
  db: Db,
  inspectionIds: readonly string[],
): Promise<{ inspection: string; photo: string; sha256: string }[]> {
  if (inspectionIds.length === 0) {
    return [];
  }
  return db
    .select({
      inspection: inspectionPhotos.inspectionId,
      photo: inspectionPhotos.id,
      sha256: inspectionPhotos.sha256,
    })
    .from(inspectionPhotos)
    .where(inArray(inspectionPhotos.inspectionId, [...inspectionIds]))
    .orderBy(asc(inspectionPhotos.inspectionId), asc(inspectionPhotos.id));
}

/** Every photo of an inspection with its bytes (the evidence export). */
export async function listPhotosWithData(db: Db, inspectionId: string) {
  return db
    .select()
    .from(inspectionPhotos)
    .where(eq(inspectionPhotos.inspectionId, inspectionId))
    .orderBy(asc(inspectionPhotos.takenAt), asc(inspectionPhotos.id));
}

/** Photos by id (any inspection), with the hash on record: what `ssj evidence verify` checks files against. */
export async function photoRecordsByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) {
    return [];
  }
  return db
    .select({
      id: inspectionPhotos.id,
      inspectionId: inspectionPhotos.inspectionId,
      sha256: inspectionPhotos.sha256,
      bytes: inspectionPhotos.bytes,
    })
    .from(inspectionPhotos)
    .where(inArray(inspectionPhotos.id, [...ids]));
}

/** One photo with its data. */
export async function findPhoto(db: Db, inspectionId: string, photoId: string) {
  const [row] = await db
    .select()
    .from(inspectionPhotos)
    .where(and(eq(inspectionPhotos.id, photoId), eq(inspectionPhotos.inspectionId, inspectionId)));
  return row;
}

/** Insert a photo; false when that id exists already (a retried upload). */
export async function insertPhoto(tx: Db, row: typeof inspectionPhotos.$inferInsert): Promise<boolean> {
  const out = await tx
    .insert(inspectionPhotos)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: inspectionPhotos.id });
  return out.length > 0;
}

/** Delete a photo. */
export async function deletePhoto(tx: Db, inspectionId: string, photoId: string): Promise<boolean> {
  const out = await tx
    .delete(inspectionPhotos)
    .where(and(eq(inspectionPhotos.id, photoId), eq(inspectionPhotos.inspectionId, inspectionId)))
    .returning({ id: inspectionPhotos.id });
  return out.length > 0;
}
