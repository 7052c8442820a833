// Entry point: waits for the wasm module, creates the playground with the URL's
// backend choice, wires the UI, then publishes `window.gan`.
import { GanApi } from './api.js';
import { mountUi } from './ui.js';
import { parseHash } from './share.js';
import { loadSaved, restore, startAutosave } from './autosave.js';

/** @returns {Promise<any>} the wasm-bindgen exports Trunk puts on window.wasmBindings */
function wasmBindings() {
  if (window.wasmBindings) return Promise.resolve(window.wasmBindings);
  return new Promise((resolve) => {
    addEventListener('TrunkApplicationStarted', () => resolve(window.wasmBindings), { once: true });
  });
}

/**
 * Creates the playground from a link's or a save's settings (each bad one
 * skipped with a notice; Rust validates them), with `?backend=` on top.
 */
async function createPlayground(bindings, patch, source, notices) {
  const { config, notices: bad } = bindings.sanitizeConfig(patch);
  notices.push(...bad.map((m) => `Ignored from ${source}: ${m}`));
  const backend = new URLSearchParams(location.search).get('backend');
  if (backend === null) return bindings.Playground.create(config);
  try {
    return await bindings.Playground.create({ ...config, backend });
  } catch (e) {
    notices.push(`Ignored ?backend=${backend.slice(0, 40)}: ${e?.message ?? e}`);
    return bindings.Playground.create(config);
  }
}

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
  const bindings = await wasmBindings();
  const link = parseHash(location.hash);
  // A bare URL comes back as it was left; a link's hash says what to show instead.
  const saved = location.hash.length <= 1 ? loadSaved() : null;
  const notices = [...link.notices];
  const playground = saved
    ? await createPlayground(bindings, saved.config, 'the saved settings', notices)
    : await createPlayground(bindings, link.patch, 'the link', notices);
  const gan = new GanApi(playground);
  if (saved) {
    const problem = await restore(gan, saved);
    if (problem) notices.push(problem);
  }
  startAutosave(gan, (message) => console.warn(message));
  mountUi(document, gan, { notices, hide: link.hide, sanitize: bindings.sanitizeConfig });
  window.gan = gan;
  document.documentElement.dataset.ready = 'true';
}

boot().catch((e) => {
  const box = document.getElementById('error');
  box.textContent = `The playground could not start: ${e?.message ?? e}`;
  box.hidden = false;
  console.error(e);
});
