/**
 * Evidence that can be proved (issue 15, part 2): each photo's SHA-256, hashed on the phone
 * before upload and checked on receipt, with where (GPS and its accuracy) and when (the device's
 * time, and the server's on receipt) it was taken. The hashes also go into the transparency
 * log's result entry, so a published result's evidence cannot be swapped later unseen.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { PhotoMeta } from './photo.repo';

/** One photo as a visit or result page lists it (never its bytes). */
export const photoViewSchema = z.object({
  id: z.string(),
  itemId: z.string().nullable(),
  fieldKey: z.string().nullable(),
  mime: z.string(),
  takenAt: z.string(),
  lat: z.string().nullable(),
  lng: z.string().nullable(),
  /** GPS accuracy in metres, when the phone gave one. */
  accuracy: z.number().nullable(),
  by: z.string(),
  bytes: z.number(),
  sha256: z.string(),
  /** When the server received it (null for photos recorded before hashes were kept). */
  receivedAt: z.string().nullable(),
});
export type PhotoView = z.infer<typeof photoViewSchema>;

export function photoView(p: PhotoMeta): PhotoView {
  return {
    id: p.id,
    itemId: p.itemId,
    fieldKey: p.fieldKey,
    mime: p.mime,
    takenAt: p.takenAt.toISOString(),
    lat: p.lat,
    lng: p.lng,
    accuracy: p.accuracy,
    by: p.by,
    bytes: p.bytes,
    sha256: p.sha256,
    receivedAt: p.receivedAt?.toISOString() ?? null,
  };
}

/** SHA-256 of bytes, lower-case hex (what the phone sends and `ssj evidence verify` computes). */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The file name an exported photo gets: its id and the extension of its type. */
export function evidenceFileName(photoId: string, mime: string): string {
  const ext = mime === 'image/png' ? 'png' : mime === 'image/webp' ? 'webp' : 'jpg';
  return `${photoId}.${ext}`;
}
