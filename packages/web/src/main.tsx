/** Browser entry: loads the phone's offline store, registers the service worker, mounts the app. */
import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { hydrateOfflineStorage } from './offline/offline-storage';
import { registerServiceWorker } from './offline/service-worker';
import './styles.css';

const root = document.getElementById('root');
if (root === null) {
  throw new Error('index.html has no #root element');
}
registerServiceWorker();
// drafts, photos and signatures not yet sent are read before the first page shows them
void hydrateOfflineStorage().finally(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
