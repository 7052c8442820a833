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

/** `?backend=cpu|webgpu|auto`; anything else is reported and ignored. */
function backendFromUrl(notices) {
  const value = new URLSearchParams(location.search).get('backend');
  if (value === null) return {};
  if (['auto', 'cpu', 'webgpu'].includes(value)) return { backend: value };
  notices.push(`Ignored ?backend=${value.slice(0, 40)}: use auto, cpu or webgpu.`);
  return {};
}

async function boot() {
  const notices = [];
  const bindings = await wasmBindings();
  const playground = await bindings.Playground.create(backendFromUrl(notices));
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
