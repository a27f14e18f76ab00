/**
 * Drafts of a visit kept on the phone (IndexedDB, see offline-storage.ts) so that a lost connection loses
 * nothing: the results being typed, the server version they are based on, and photos not
 * yet uploaded. Synced later; a stale base version is a conflict the page shows, never a
 * silent overwrite.
 */
import { resultCategorySchema } from '@openssj/core';
import { evidenceSha256 } from '@openssj/core';
import type { DraftResult, PhotoBody, SignatureBody, VisitView } from '../../../api/inspection-types';
import { dataUrlBytes } from './image-resize';
import { offlineStorage, type KeyValueStore } from '../../../offline/offline-storage';

export interface LocalDraft {
  readonly inspectionId: string;
  /** The server version these edits start from. */
  readonly baseVersion: number;
  /** Edited results by item id (only the items this inspector records). */
  readonly results: Readonly<Record<string, DraftResult>>;
  readonly gps: DraftGps | null;
  /** True while the edits are not on the server. */
  readonly dirty: boolean;
  readonly savedAt: string;
}

export type DraftGps = NonNullable<VisitView['gps']>;

const KEY = (id: string) => `ssj.visit.${id}`;
const PHOTO_KEY = (id: string) => `ssj.visit.${id}.photos`;

/** Results of the server copy as draft entries (for the items in `items`). */
export function resultsFromServer(view: VisitView, items: readonly string[]): Record<string, DraftResult> {
  const out: Record<string, DraftResult> = {};
  for (const id of items) {
    const r = view.results.find((x) => x.itemId === id);
    out[id] = {
      itemId: id,
      category: r?.category ?? null,
      categoryNote: r?.categoryNote ?? null,
      notes: r?.notes ?? null,
      answers: r?.answers ?? {},
    };
  }
  return out;
}

/** True when two result sets say the same. */
export function sameResults(
  a: Readonly<Record<string, DraftResult>>,
  b: Readonly<Record<string, DraftResult>>,
): boolean {
  const norm = (r: DraftResult | undefined) =>
    r === undefined
      ? ''
      : JSON.stringify([
          r.category ?? null,
          r.categoryNote ?? null,
          r.notes ?? null,
          Object.entries(r.answers ?? {}).sort(),
        ]);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => norm(a[k]) === norm(b[k]));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** The stored draft of a visit, if any (a malformed one is dropped). */
export function loadDraft(id: string, storage: KeyValueStore = offlineStorage): LocalDraft | null {
  try {
    const raw: unknown = JSON.parse(storage.getItem(KEY(id)) ?? 'null');
    if (
      !isRecord(raw) ||
      raw['inspectionId'] !== id ||
      typeof raw['baseVersion'] !== 'number' ||
      !isRecord(raw['results'])
    ) {
      return null;
    }
    const results: Record<string, DraftResult> = {};
    for (const [k, v] of Object.entries(raw['results'])) {
      if (isRecord(v) && typeof v['itemId'] === 'string') {
        const answers: Record<string, string | number | boolean | null> = {};
        for (const [ak, av] of Object.entries(isRecord(v['answers']) ? v['answers'] : {})) {
          if (av === null || typeof av === 'string' || typeof av === 'number' || typeof av === 'boolean') {
            answers[ak] = av;
          }
        }
        results[k] = {
          itemId: v['itemId'],
          category: resultCategorySchema
            .nullable()
            .catch(null)
            .parse(v['category'] ?? null),
          categoryNote: typeof v['categoryNote'] === 'string' ? v['categoryNote'] : null,
          notes: typeof v['notes'] === 'string' ? v['notes'] : null,
          answers,
        };
      }
    }
    const g = raw['gps'];
    const gps: DraftGps | null =
      isRecord(g) &&
      typeof g['lat'] === 'number' &&
      typeof g['lng'] === 'number' &&
      typeof g['at'] === 'string'
        ? {
            lat: g['lat'],
            lng: g['lng'],
            accuracy: typeof g['accuracy'] === 'number' ? g['accuracy'] : null,
            at: g['at'],
          }
        : null;
    return {
      inspectionId: id,
      baseVersion: raw['baseVersion'],
      results,
      gps,
      dirty: raw['dirty'] === true,
      savedAt: typeof raw['savedAt'] === 'string' ? raw['savedAt'] : '',
    };
  } catch {
    return null;
  }
}

/** Keep a draft on the device. */
export function storeDraft(d: LocalDraft, storage: KeyValueStore = offlineStorage): void {
  storage.setItem(KEY(d.inspectionId), JSON.stringify(d));
}

/** Forget a visit's draft (after a successful sync or when the user takes the server copy). */
export function clearDraft(id: string, storage: KeyValueStore = offlineStorage): void {
  storage.removeItem(KEY(id));
}

/** Photos waiting for upload. */
export function pendingPhotos(id: string, storage: KeyValueStore = offlineStorage): PhotoBody[] {
  try {
    const raw: unknown = JSON.parse(storage.getItem(PHOTO_KEY(id)) ?? '[]');
    return Array.isArray(raw)
      ? raw.flatMap((p: unknown) =>
          isRecord(p) &&
          typeof p['id'] === 'string' &&
          typeof p['image'] === 'string' &&
          typeof p['takenAt'] === 'string'
            ? [
                {
                  id: p['id'],
                  image: p['image'],
                  takenAt: p['takenAt'],
                  itemId: typeof p['itemId'] === 'string' ? p['itemId'] : null,
                  fieldKey: typeof p['fieldKey'] === 'string' ? p['fieldKey'] : null,
                  lat: typeof p['lat'] === 'number' ? p['lat'] : null,
                  lng: typeof p['lng'] === 'number' ? p['lng'] : null,
                  accuracy: typeof p['accuracy'] === 'number' ? p['accuracy'] : null,
                  // a photo queued before hashes were kept gets its hash now, from the same bytes
                  sha256:
                    typeof p['sha256'] === 'string' ? p['sha256'] : evidenceSha256(dataUrlBytes(p['image'])),
                },
              ]
            : [],
        )
      : [];
  } catch {
    return [];
  }
}

/** Queue or unqueue photos (the whole list is rewritten). */
export function storePendingPhotos(
  id: string,
  photos: readonly PhotoBody[],
  storage: KeyValueStore = offlineStorage,
): void {
  if (photos.length === 0) {
    storage.removeItem(PHOTO_KEY(id));
  } else {
    storage.setItem(PHOTO_KEY(id), JSON.stringify(photos));
  }
}

const SIGNATURE_KEY = (id: string) => `ssj.visit.${id}.signature`;

/** A signature or refusal taken offline, waiting to be sent (issue 15). */
export function pendingSignature(id: string, storage: KeyValueStore = offlineStorage): SignatureBody | null {
  try {
    const raw: unknown = JSON.parse(storage.getItem(SIGNATURE_KEY(id)) ?? 'null');
    return isRecord(raw) && (raw['kind'] === 'signed' || raw['kind'] === 'refused')
      ? (raw as unknown as SignatureBody)
      : null;
  } catch {
    return null;
  }
}

/** Queue (or, with null, unqueue) the visit's signature. */
export function storePendingSignature(
  id: string,
  signature: SignatureBody | null,
  storage: KeyValueStore = offlineStorage,
): void {
  if (signature === null) {
    storage.removeItem(SIGNATURE_KEY(id));
  } else {
    storage.setItem(SIGNATURE_KEY(id), JSON.stringify(signature));
  }
}

/** What one visit has waiting on the phone: the draft's changed items, photos, a signature. */
export interface Outbox {
  readonly items: number;
  readonly savedAt: string | null;
  readonly photos: number;
  readonly signature: boolean;
}

/** The waiting work of a draft with this many photos and perhaps a signature not yet sent. */
export function outboxFrom(d: LocalDraft | null, photos: number, signature: boolean): Outbox {
  return {
    items: d?.dirty === true ? Object.keys(d.results).length : 0,
    savedAt: d?.dirty === true ? d.savedAt : null,
    photos,
    signature,
  };
}

/** The visit's waiting work, as stored on the phone (zeros when nothing waits). */
export function outboxOf(id: string, storage: KeyValueStore = offlineStorage): Outbox {
  return outboxFrom(
    loadDraft(id, storage),
    pendingPhotos(id, storage).length,
    pendingSignature(id, storage) !== null,
  );
}

/** True when anything of the visit waits to be sent. */
export function outboxWaiting(o: Outbox): boolean {
  return o.items > 0 || o.photos > 0 || o.signature;
}
