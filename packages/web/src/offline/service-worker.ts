/**
 * The service worker's side in the page (issue 15): register /sw.js in a production build, ask
 * for a Background Sync when work is queued offline, and hear the worker's call to send it.
 */

/** Register the worker (production builds only: the dev server serves modules, not the build). */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) {
    return;
  }
  window.addEventListener('load', () => {
    void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  });
}

interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

/** Ask the browser to wake the worker when the network is back (where Background Sync exists). */
export function requestBackgroundSync(): void {
  if (!('serviceWorker' in navigator)) {
    return;
  }
  void navigator.serviceWorker.ready
    .then((r) => {
      const sync = (r as ServiceWorkerRegistration & { sync?: SyncManagerLike }).sync;
      return sync?.register('ssj-outbox');
    })
    .catch(() => undefined);
}

/** Call `f` when the connection comes back: the page's `online` event or the worker's sync. */
export function onReconnect(f: () => void): () => void {
  const message = (e: MessageEvent) => {
    if (typeof e.data === 'object' && e.data !== null && (e.data as { type?: unknown }).type === 'ssj-sync') {
      f();
    }
  };
  window.addEventListener('online', f);
  navigator.serviceWorker?.addEventListener('message', message);
  return () => {
    window.removeEventListener('online', f);
    navigator.serviceWorker?.removeEventListener('message', message);
  };
}
