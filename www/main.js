// Entry point: waits for the wasm module, creates the playground with the URL's
// backend choice, wires the UI, then publishes `window.gan`.
import { GanApi } from './api.js';
import { mountUi } from './ui.js';

/** @returns {Promise<any>} the wasm-bindgen exports Trunk puts on window.wasmBindings */
function wasmBindings() {
  if (window.wasmBindings) return Promise.resolve(window.wasmBindings);
  return new Promise((resolve) => {
    addEventListener('TrunkApplicationStarted', () => resolve(window.wasmBindings), { once: true });
  });
}

/**
 * Creates the playground with `?backend=` from the URL. Rust validates it; a bad
 * value is reported as a notice and the defaults are used instead.
 */
async function createPlayground(bindings, notices) {
  const backend = new URLSearchParams(location.search).get('backend');
  if (backend === null) return bindings.Playground.create({});
  try {
    return await bindings.Playground.create({ backend });
  } catch (e) {
    notices.push(`Ignored ?backend=${backend.slice(0, 40)}: ${e?.message ?? e}`);
    return bindings.Playground.create({});
  }
}

async function boot() {
  const notices = [];
  const bindings = await wasmBindings();
  const playground = await createPlayground(bindings, notices);
  const gan = new GanApi(playground);
  mountUi(document, gan, notices);
  window.gan = gan;
  document.documentElement.dataset.ready = 'true';
}

boot().catch((e) => {
  const box = document.getElementById('error');
  box.textContent = `The playground could not start: ${e?.message ?? e}`;
  box.hidden = false;
  console.error(e);
});
