/**
 * Offline use (service-worker.js) starts after the page's first dataset has loaded or failed. The
 * worker's install downloads every file of the app and then stores the dataset: started any
 * earlier — on the first idle moment, as it used to be — it competed with the dataset's own
 * download and reading on a two-core machine, and the parts
 * of a dataset in parts that started after it took over passed through it, each kept aside as it
 * went, which slowed a million-event load in parts considerably (docs/performance.md). The price: on a first visit
 * no download passes through the worker, so it fetches the dataset again to store it, from the
 * browser's HTTP cache where the host allows caching, after the page has settled.
 */
import { whenIdle } from '../../lib/when-idle.ts';

let requested = false;

export function registerOfflineSupport(): void {
  if (requested || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  requested = true;
  const register = () => {
    navigator.serviceWorker
      .register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL })
      .catch((error: unknown) => {
        console.warn('Offline use is not available:', error);
      });
  };
  whenIdle(register, { timeout: 5000, fallbackMs: 2000 });
}
