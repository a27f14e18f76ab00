/**
 * The visit's state on the phone: the server copy, the local draft over it, queued photos and
 * signature (IndexedDB, issue 15), and syncing (now, at the next start, or when the connection
 * returns). A 409 CONFLICT keeps both copies and
 * raises `conflict` for the page to show; nothing is overwritten without the user's choice.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../../api/client';
import { ApiError, NETWORK_ERROR, unwrap } from '../../../api/errors';
import type { DraftResult, PhotoBody, SignatureBody, VisitView } from '../../../api/inspection-types';
import { onReconnect, requestBackgroundSync } from '../../../offline/service-worker';
import {
  clearDraft,
  loadDraft,
  pendingPhotos,
  pendingSignature,
  resultsFromServer,
  storeDraft,
  storePendingPhotos,
  storePendingSignature,
  type DraftGps,
  type LocalDraft,
} from './draft-store';

export type SyncState = 'synced' | 'local' | 'saving';

/** Browser GPS, or null when unavailable or refused (5 s at most). */
export function currentGps(): Promise<DraftGps | null> {
  return new Promise((resolve) => {
    if (!('geolocation' in navigator)) {
      resolve(null);
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) =>
        resolve({
          lat: p.coords.latitude,
          lng: p.coords.longitude,
          accuracy: p.coords.accuracy,
          at: new Date(p.timestamp).toISOString(),
        }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: 5000, maximumAge: 60_000 },
    );
  });
}

/** The query of one visit (the visit page reads it; 我的检查 prefetches it for the day offline). */
export function visitQuery(id: string) {
  return {
    queryKey: ['visit', id],
    queryFn: () => unwrap(api.GET('/api/inspections/{id}', { params: { path: { id } } })),
  };
}

/** State and actions of one visit. */
export function useVisitDraft(id: string) {
  const qc = useQueryClient();
  const query = useQuery({ ...visitQuery(id), meta: { silent: true } });
  const [draft, setDraft] = useState<LocalDraft | null>(() => loadDraft(id));
  const [photos, setPhotos] = useState<PhotoBody[]>(() => pendingPhotos(id));
  const [signature, setSignature] = useState<SignatureBody | null>(() => pendingSignature(id));
  const [conflict, setConflict] = useState<VisitView | null>(null);
  const [state, setState] = useState<SyncState>(
    draft?.dirty === true || photos.length > 0 || signature !== null ? 'local' : 'synced',
  );
  const view = query.data;

  const myItems = useMemo(
    () =>
      view === undefined
        ? []
        : view.items.filter((i) => view.me.recordDepartments.includes(i.departmentCode)).map((i) => i.itemId),
    [view],
  );
  const results: Readonly<Record<string, DraftResult>> =
    draft?.results ?? (view === undefined ? {} : resultsFromServer(view, myItems));

  const keep = useCallback(
    (d: LocalDraft | null) => {
      if (d === null) {
        clearDraft(id);
      } else {
        storeDraft(d);
      }
      setDraft(d);
    },
    [id],
  );

  const base = useCallback((): LocalDraft | null => {
    if (draft !== null) {
      return draft;
    }
    return view === undefined
      ? null
      : {
          inspectionId: id,
          baseVersion: view.version,
          results: resultsFromServer(view, myItems),
          gps: view.gps,
          dirty: false,
          savedAt: '',
        };
  }, [draft, view, id, myItems]);

  /** Change one item's result locally (kept on the device at once). */
  const edit = useCallback(
    (itemId: string, patch: Partial<DraftResult>) => {
      const b = base();
      const cur = b?.results[itemId];
      if (b === null || cur === undefined) {
        return;
      }
      keep({
        ...b,
        results: { ...b.results, [itemId]: { ...cur, ...patch } },
        dirty: true,
        savedAt: new Date().toISOString(),
      });
      setState('local');
    },
    [base, keep],
  );

  const setGps = useCallback(
    (gps: DraftGps) => {
      const b = base();
      if (b !== null) {
        keep({ ...b, gps, dirty: true, savedAt: new Date().toISOString() });
        setState('local');
      }
    },
    [base, keep],
  );

  /** Queue a photo and try to upload it. */
  const addPhoto = useCallback(
    (p: PhotoBody) => {
      setPhotos((cur) => {
        const next = [...cur, p];
        try {
          storePendingPhotos(id, next);
        } catch {
          // storage full: the photo stays in memory until uploaded
        }
        return next;
      });
      setState('local');
    },
    [id],
  );

  /** Keep the business's signature or refusal on the phone until it can be sent (taken offline). */
  const queueSignature = useCallback(
    (sig: SignatureBody) => {
      storePendingSignature(id, sig);
      setSignature(sig);
      setState('local');
      requestBackgroundSync();
    },
    [id],
  );

  /** Push the draft (with `version`, default its base), queued photos and a queued signature. Returns 'conflict', 'offline' or 'ok'. */
  const syncOnce = useCallback(
    async (version?: number): Promise<'ok' | 'offline' | 'conflict'> => {
      setState('saving');
      try {
        if (draft !== null && draft.dirty) {
          const body = {
            version: version ?? draft.baseVersion,
            results: Object.values(draft.results),
            ...(draft.gps === null ? {} : { gps: draft.gps }),
          };
          const saved = await unwrap(
            api.PUT('/api/inspections/{id}/draft', { params: { path: { id } }, body }),
          );
          keep(null);
          qc.setQueryData(['visit', id], saved);
        }
        for (const p of pendingPhotos(id).length > 0 ? pendingPhotos(id) : photos) {
          await unwrap(api.POST('/api/inspections/{id}/photos', { params: { path: { id } }, body: p }));
          setPhotos((cur) => {
            const next = cur.filter((x) => x.id !== p.id);
            storePendingPhotos(id, next);
            return next;
          });
        }
        const sig = pendingSignature(id);
        if (sig !== null) {
          // sent on the server's current version: the draft save above may have moved it
          const fresh = await unwrap(api.GET('/api/inspections/{id}', { params: { path: { id } } }));
          const signed = await unwrap(
            api.PUT('/api/inspections/{id}/signature', {
              params: { path: { id } },
              body: { version: fresh.version, signature: sig },
            }),
          );
          storePendingSignature(id, null);
          setSignature(null);
          qc.setQueryData(['visit', id], signed);
        }
        await qc.invalidateQueries({ queryKey: ['visit', id] });
        setState('synced');
        return 'ok';
      } catch (e) {
        if (e instanceof ApiError && e.code === 'CONFLICT') {
          // show both copies: fetch the server's
          const server = await unwrap(api.GET('/api/inspections/{id}', { params: { path: { id } } }));
          setConflict(server);
          setState('local');
          return 'conflict';
        }
        setState('local');
        if (e instanceof ApiError && e.code !== NETWORK_ERROR) {
          throw e;
        }
        requestBackgroundSync();
        return 'offline';
      }
    },
    [draft, photos, id, keep, qc],
  );

  // one send at a time: the online event, the worker's sync and a tap may come together, and a
  // second send of the same draft would meet its own first as a version conflict
  const running = useRef<Promise<'ok' | 'offline' | 'conflict'> | null>(null);
  const sync = useCallback(
    (version?: number): Promise<'ok' | 'offline' | 'conflict'> => {
      const busy = running.current;
      if (busy !== null) {
        return version === undefined ? busy : busy.then(() => syncOnce(version));
      }
      const p = syncOnce(version).finally(() => {
        running.current = null;
      });
      running.current = p;
      return p;
    },
    [syncOnce],
  );

  /** Resolve a conflict: keep mine (saved over the server's version) or take the server copy. */
  const resolve = useCallback(
    async (choice: 'mine' | 'server') => {
      const server = conflict;
      setConflict(null);
      if (server === null) {
        return;
      }
      if (choice === 'server') {
        keep(null);
        qc.setQueryData(['visit', id], server);
        setState(photos.length > 0 ? 'local' : 'synced');
        return;
      }
      await sync(server.version);
    },
    [conflict, keep, qc, id, photos.length, sync],
  );

  // send when the connection comes back (the page's online event, or the worker's Background Sync)
  useEffect(() => onReconnect(() => void sync().catch(() => undefined)), [sync]);

  // work left from an earlier session (a reload offline, a closed app) goes out once the page is up
  const started = useRef(false);
  useEffect(() => {
    if (!started.current && view !== undefined && state === 'local' && navigator.onLine) {
      started.current = true;
      void sync().catch(() => undefined);
    }
  }, [view, state, sync]);

  /** Replace the server copy after an action (confirm, sign, submit). */
  const accept = useCallback((v: VisitView) => qc.setQueryData(['visit', id], v), [qc, id]);

  return {
    query,
    view,
    draft,
    results,
    myItems,
    photos,
    signature,
    state,
    conflict,
    edit,
    setGps,
    addPhoto,
    queueSignature,
    sync,
    resolve,
    accept,
  };
}
