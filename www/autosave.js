// Autosave: the config and the model's weights in localStorage, under a key per
// widget (`gan-playground:1d` on the page), so that the bare page comes back as
// it was left. A link's hash, when present, wins.
/** The least time between two saves while training runs, in ms. */
const SAVE_EVERY_MS = 3000;
/**
 * Largest weight file kept in localStorage (base64 adds a third; browsers give
 * an origin about 5 MB, shared by every widget). A larger model (the faces
 * DCGAN, 2.2 MB) keeps its config alone, and Export weights keeps the model.
 */
const MAX_SAVED_WEIGHTS = 1024 * 1024;

const toBase64 = (bytes) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};
const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** @returns {{config: object, weights: string | null, step: number} | null} what was saved, if it parses */
/** @param {string} key */
export function loadSaved(key) {
  try {
    const saved = JSON.parse(localStorage.getItem(key) ?? 'null');
    const ok = saved && typeof saved === 'object' && saved.config && typeof saved.config === 'object'
      && (typeof saved.weights === 'string' || saved.weights === null);
    return ok ? saved : null;
  } catch {
    return null;
  }
}

/** @param {string} key */
export function forgetSaved(key) {
  try { localStorage.removeItem(key); } catch { /* storage disabled: nothing saved either */ }
}

/**
 * Restores the saved weights into `gan`. A save that no longer loads is dropped.
 * @returns {Promise<string | null>} a notice to show, or null
 */
export async function restore(gan, saved, key) {
  if (saved.weights === null) return null; // a lesson with no model (the dice): the config was all
  try {
    await gan.importWeights(fromBase64(saved.weights));
    return null;
  } catch (e) {
    forgetSaved(key);
    return `The saved model could not be restored and was discarded: ${e?.message ?? e}`;
  }
}

/**
 * Saves after changes, at most every SAVE_EVERY_MS, through the API's queue.
 * @param {import('./api.js').GanApi} gan @param {string} key @param {(message: string) => void} warn
 */
export function startAutosave(gan, key, warn) {
  let last = 0;
  let pending = false;
  let savedStep = -1;
  let warned = false;
  // Once a model is too large to keep, it stays so until the next configure:
  // exporting it again every few seconds would read it all back for nothing.
  let tooLarge = false;
  const save = () => {
    if (pending) return;
    pending = true;
    setTimeout(async () => {
      try {
        // A lesson with no model to export (the dice), or too large a one, keeps its config alone.
        const bytes = tooLarge ? null : await gan.exportWeights().catch(() => null);
        if (bytes && bytes.length > MAX_SAVED_WEIGHTS) tooLarge = true;
        const weights = bytes && !tooLarge ? toBase64(bytes) : null;
        const { config, step } = gan.state();
        localStorage.setItem(key, JSON.stringify({ config, step, weights }));
        savedStep = step;
      } catch (e) {
        if (!warned) warn(`Autosave is off: ${e?.message ?? e}`);
        warned = true;
      } finally {
        pending = false;
        last = performance.now();
      }
    }, Math.max(0, SAVE_EVERY_MS - (performance.now() - last)));
  };
  gan.addEventListener('frame', (e) => {
    if (/** @type {CustomEvent} */ (e).detail.frame.step !== savedStep) save();
  });
  gan.addEventListener('configured', () => {
    tooLarge = false; // a new config may mean a new shape
    save();
  });
}
