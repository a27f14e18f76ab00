/**
 * The phone's store for work not yet sent (issue 15): drafts, queued photos and signatures of
 * visits live in IndexedDB, which keeps far more than localStorage (photos are hundreds of KB)
 * and survives reloads and restarts. Reads are synchronous from an in-memory copy loaded once at
 * start (`hydrateOfflineStorage`); each write goes to the copy and straight on to IndexedDB.
 * Without IndexedDB (some private modes) it falls back to localStorage.
 */

/** The part of the Web Storage API the stores use. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const DB_NAME = 'ssj-offline';
const STORE = 'kv';
/** Keys moved from localStorage on first start (drafts of earlier versions). */
const LEGACY_PREFIX = 'ssj.visit.';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

/** How long the app waits for IndexedDB before it starts on localStorage instead. */
export const OPEN_TIMEOUT_MS = 4000;

/**
 * Open the store, or fail after `timeoutMs`: an open blocked by another tab's old version, or a
 * browser that never answers, must not keep the app from starting. A late open is closed.
 */
function openDb(timeoutMs: number): Promise<IDBDatabase> {
  const r = indexedDB.open(DB_NAME, 1);
  r.onupgradeneeded = () => {
    r.result.createObjectStore(STORE);
  };
  return new Promise((resolve, reject) => {
    let done = false;
    const timer = setTimeout(() => {
      done = true;
      reject(new Error(`IndexedDB did not open within ${timeoutMs} ms`));
    }, timeoutMs);
    request(r).then(
      (db) => {
        clearTimeout(timer);
        if (done) {
          db.close();
        } else {
          resolve(db);
        }
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** An in-memory copy of the IndexedDB store that writes through. */
export class OfflineStorage implements KeyValueStore {
  private readonly map = new Map<string, string>();
  private db: IDBDatabase | null = null;
  private fallback: KeyValueStore | null = null;
  /** The writes not yet committed, so a test or a page can wait for them. */
  private pending: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<() => void>();

  /** Load every entry (once, before the app renders); moves legacy localStorage drafts in. */
  async hydrate(
    legacy: Storage | null = globalThis.localStorage ?? null,
    timeoutMs = OPEN_TIMEOUT_MS,
  ): Promise<void> {
    try {
      this.db = await openDb(timeoutMs);
      const tx = this.db.transaction(STORE, 'readonly');
      const store = tx.objectStore(STORE);
      const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
      keys.forEach((k, i) => {
        const v: unknown = values[i];
        if (typeof k === 'string' && typeof v === 'string') {
          this.map.set(k, v);
        }
      });
    } catch {
      this.db = null;
      this.fallback = legacy;
      return;
    }
    if (legacy !== null) {
      for (let i = legacy.length - 1; i >= 0; i--) {
        const k = legacy.key(i);
        const v = k === null ? null : legacy.getItem(k);
        if (k !== null && v !== null && k.startsWith(LEGACY_PREFIX)) {
          if (!this.map.has(k)) {
            this.setItem(k, v);
          }
          legacy.removeItem(k);
        }
      }
    }
  }

  getItem(key: string): string | null {
    return this.fallback !== null ? this.fallback.getItem(key) : (this.map.get(key) ?? null);
  }

  setItem(key: string, value: string): void {
    if (this.fallback !== null) {
      this.fallback.setItem(key, value);
    } else {
      this.map.set(key, value);
      this.write((s) => s.put(value, key));
    }
    this.changed();
  }

  removeItem(key: string): void {
    if (this.fallback !== null) {
      this.fallback.removeItem(key);
    } else {
      this.map.delete(key);
      this.write((s) => s.delete(key));
    }
    this.changed();
  }

  /** Every key with this prefix (the queue view lists a visit's or every visit's waiting work). */
  keys(prefix: string): string[] {
    return [...this.map.keys()].filter((k) => k.startsWith(prefix)).sort();
  }

  /** Resolves when every write so far is in IndexedDB. */
  flushed(): Promise<unknown> {
    return this.pending;
  }

  /** Call `f` after every change; returns the unsubscribe. */
  subscribe(f: () => void): () => void {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }

  private changed(): void {
    this.listeners.forEach((f) => f());
  }

  private write(op: (s: IDBObjectStore) => IDBRequest): void {
    const db = this.db;
    if (db === null) {
      return;
    }
    this.pending = this.pending.then(
      () =>
        new Promise<void>((resolve) => {
          const tx = db.transaction(STORE, 'readwrite');
          op(tx.objectStore(STORE));
          tx.oncomplete = () => resolve();
          // a failed write (storage full) leaves the in-memory copy, which is sent when online
          tx.onerror = () => resolve();
          tx.onabort = () => resolve();
        }),
    );
  }
}

/** The app's one store. */
export const offlineStorage = new OfflineStorage();

/** Load the store before the app renders. */
export function hydrateOfflineStorage(): Promise<void> {
  return offlineStorage.hydrate();
}
