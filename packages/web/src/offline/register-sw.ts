/**
 * Registers the service worker that vite-plugin-pwa's Workbox build writes (`/sw.js`), which
 * precaches the app's shell so that a visited app starts without a connection. Registered from
 * the bundle (not a separate script), after the page has loaded, so it never delays the first
 * paint; a browser without service workers (or a dev server without the build) just goes on.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  });
}
