// The playground page: its one <gan-playground> does the work (www/element.js).
// This registers the offline service worker and publishes the element as
// `window.gan` once it is ready.

/**
 * Registers the offline service worker, except with `?dev` in the URL (then
 * every load comes from the server, as a developer wants while editing).
 */
function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || new URLSearchParams(location.search).has('dev')) return;
  navigator.serviceWorker.register('sw.js').catch((e) => console.warn('offline mode unavailable:', e));
}

async function boot() {
  registerServiceWorker();
  await customElements.whenDefined('gan-playground');
  const el = /** @type {any} */ (document.getElementById('playground'));
  await el.ready;
  window.gan = el;
  document.documentElement.dataset.ready = 'true';
}

boot().catch((e) => {
  // The element shows why it could not start; this says so above it too.
  const box = /** @type {HTMLElement} */ (document.getElementById('boot-error'));
  box.textContent = `The playground could not start: ${e?.message ?? e}`;
  box.hidden = false;
});
