// Drafts kept on the phone (issue 5): round trip, malformed storage, comparison; photo sizing.
import { describe, expect, it, vi } from 'vitest';
import { OfflineStorage } from '../src/offline/offline-storage';
import {
  clearDraft,
  loadDraft,
  outboxFrom,
  outboxOf,
  outboxWaiting,
  pendingPhotos,
  pendingSignature,
  sameResults,
  storeDraft,
  storePendingPhotos,
  storePendingSignature,
} from '../src/pages/console/inspection/draft-store';
import { fitSize } from '../src/pages/console/inspection/image-resize';

class MemoryStorage implements Storage {
  private m = new Map<string, string>();
  get length() {
    return this.m.size;
  }
  clear() {
    this.m.clear();
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
}

const ID = '00000000-0000-4000-8000-000000000001';
const R = {
  itemId: 'i1',
  category: '未发现问题' as const,
  categoryNote: null,
  notes: '正常',
  answers: { ok: true, n: 3 },
};

describe('draft store', () => {
  it('keeps and restores a draft', () => {
    const s = new MemoryStorage();
    storeDraft(
      {
        inspectionId: ID,
        baseVersion: 4,
        results: { i1: R },
        gps: { lat: 29.7, lng: 106.6, accuracy: null, at: '2026-11-20T02:00:00Z' },
        dirty: true,
        savedAt: 'x',
      },
      s,
    );
    const d = loadDraft(ID, s);
    expect(d?.baseVersion).toBe(4);
    expect(d?.results['i1']).toEqual(R);
    expect(d?.gps?.lat).toBe(29.7);
    clearDraft(ID, s);
    expect(loadDraft(ID, s)).toBeNull();
  });
  it('drops malformed storage and bad categories', () => {
    const s = new MemoryStorage();
    s.setItem(`ssj.visit.${ID}`, '{not json');
    expect(loadDraft(ID, s)).toBeNull();
    s.setItem(
      `ssj.visit.${ID}`,
      JSON.stringify({
        inspectionId: ID,
        baseVersion: 1,
        results: { i1: { itemId: 'i1', category: '随便', answers: { a: { x: 1 }, b: 'y' } } },
      }),
    );
    expect(loadDraft(ID, s)?.results['i1']).toEqual({
      itemId: 'i1',
      category: null,
      categoryNote: null,
      notes: null,
      answers: { b: 'y' },
    });
  });
  it('compares result sets ignoring answer order', () => {
    expect(sameResults({ i1: R }, { i1: { ...R, answers: { n: 3, ok: true } } })).toBe(true);
    expect(sameResults({ i1: R }, { i1: { ...R, notes: '异常' } })).toBe(false);
  });
  it('queues photos', () => {
    const s = new MemoryStorage();
    storePendingPhotos(
      ID,
      [
        {
          id: 'p1',
          image: 'data:image/jpeg;base64,AA==',
          sha256: '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
          takenAt: '2026-11-20T02:00:00Z',
          itemId: 'i1',
          fieldKey: null,
          lat: null,
          lng: null,
        },
      ],
      s,
    );
    expect(pendingPhotos(ID, s).map((p) => p.id)).toEqual(['p1']);
    storePendingPhotos(ID, [], s);
    expect(pendingPhotos(ID, s)).toEqual([]);
  });
  it('hashes a photo queued before hashes were kept from its own bytes (issue 15)', () => {
    const s = new MemoryStorage();
    s.setItem(
      `ssj.visit.${ID}.photos`,
      JSON.stringify([{ id: 'old', image: 'data:image/jpeg;base64,AA==', takenAt: '2026-11-20T02:00:00Z' }]),
    );
    // SHA-256 of the one byte 0x00
    expect(pendingPhotos(ID, s).map((p) => p.sha256)).toEqual([
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    ]);
  });
});

describe('fitSize', () => {
  it('scales the longest side to 1600 and never enlarges', () => {
    expect(fitSize(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fitSize(3000, 4000)).toEqual({ width: 1200, height: 1600 });
    expect(fitSize(800, 600)).toEqual({ width: 800, height: 600 });
  });
});

describe('the outbox of a visit (issue 15)', () => {
  it('counts the changed items, queued photos and a queued signature, and empties when sent', () => {
    const s = new MemoryStorage();
    expect(outboxWaiting(outboxOf(ID, s))).toBe(false);
    storeDraft(
      {
        inspectionId: ID,
        baseVersion: 2,
        results: { i1: R },
        gps: null,
        dirty: true,
        savedAt: '2026-11-20T02:00:00Z',
      },
      s,
    );
    storePendingSignature(ID, { kind: 'refused', reason: '负责人外出', at: '2026-11-20T02:05:00Z' }, s);
    expect(outboxOf(ID, s)).toEqual({
      items: 1,
      savedAt: '2026-11-20T02:00:00Z',
      photos: 0,
      signature: true,
    });
    expect(pendingSignature(ID, s)).toMatchObject({ kind: 'refused', reason: '负责人外出' });
    clearDraft(ID, s);
    storePendingSignature(ID, null, s);
    expect(outboxWaiting(outboxOf(ID, s))).toBe(false);
    // a malformed queued signature is not sent
    s.setItem(`ssj.visit.${ID}.signature`, '{"kind":"other"}');
    expect(pendingSignature(ID, s)).toBeNull();
  });
});

describe('offline storage start-up', () => {
  it('starts on localStorage when IndexedDB never answers, and keeps the drafts there', async () => {
    // an open request whose callbacks never fire (a blocked upgrade, a browser that hangs)
    vi.stubGlobal('indexedDB', { open: () => ({}) });
    try {
      const legacy = new MemoryStorage();
      legacy.setItem('ssj.visit.v1', '{"draft":1}');
      const s = new OfflineStorage();
      await s.hydrate(legacy, 20);
      expect(s.getItem('ssj.visit.v1')).toBe('{"draft":1}');
      s.setItem('ssj.visit.v2', 'x');
      expect(legacy.getItem('ssj.visit.v2')).toBe('x');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('counts the same outbox from the page state as from storage', () => {
    const storage = new MemoryStorage();
    expect(outboxFrom(null, 0, false)).toEqual(outboxOf('none', storage));
    expect(outboxFrom(null, 2, true)).toEqual({ items: 0, savedAt: null, photos: 2, signature: true });
  });
});
