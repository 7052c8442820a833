// What every lesson's UI shares, inside one widget's shadow root: the backend
// badge and notices, errors, the [data-key] inputs, the play/step/reset buttons,
// hidden controls, the link (hash and "Copy link"), weight files, the step and
// rate readouts and the loss history. A lesson adds its own plots and controls
// through `sync` (after every change) and `draw` (every frame).
import { parseHash, toHash } from './share.js';
import { forgetSaved } from './autosave.js';

const MAX_HISTORY = 2000;

/** Where "Copy link" points from a widget that does not own the page's URL: the bundle's own page. */
const PLAYGROUND_PAGE = new URL('../index.html', import.meta.url).href;

/** The value of an input as configure expects it: a number, or the raw text for Rust to reject. */
export const valueOf = (el) => {
  if (el instanceof HTMLSelectElement) return el.value;
  return el.value.trim() === '' || Number.isNaN(el.valueAsNumber) ? el.value : el.valueAsNumber;
};

/** Formats a metric, `–` when absent. */
export const fmt = (v, digits = 3) => (v === null || v === undefined ? '–' : Number(v).toFixed(digits));

/**
 * @typedef {object} ShellOptions
 * @property {string[]} notices messages from start-up
 * @property {string[]} hide the hidden controls
 * @property {object} defaults the config "Reset everything" returns to
 * @property {boolean} syncUrl whether the widget owns the page's URL hash
 * @property {string | null} autosaveKey
 * @property {(patch: object) => {config: object, notices: string[]}} sanitize Rust's lenient validator
 * @property {(e: unknown) => void} onError who hears of each error shown
 */

/**
 * @param {ShadowRoot} root @param {import('./api.js').GanApi} gan @param {ShellOptions} options
 * @param {{ sync: (state: any) => void, draw: (frame: any, history: {step: number, lossD: number | null, lossG: number | null}[]) => void, fileStem: string }} lesson
 */
export function mountShell(root, gan, { notices, hide, defaults, syncUrl, autosaveKey, sanitize, onError }, lesson) {
  const doc = root.ownerDocument;
  const $ = (id) => /** @type {HTMLElement | null} */ (root.getElementById(id));
  const errorBox = /** @type {HTMLElement} */ ($('error'));
  /** @type {{step: number, lossD: number | null, lossG: number | null}[]} */
  let lossHistory = [];
  let rate = { step: 0, t: performance.now(), value: 0 };

  const showError = (e) => {
    errorBox.textContent = e?.message ?? String(e);
    errorBox.hidden = false;
    onError(e);
  };
  const clearError = () => { errorBox.hidden = true; errorBox.textContent = ''; };
  const on = (id, type, fn) => $(id)?.addEventListener(type, fn);

  function showBackend(state) {
    const badge = /** @type {HTMLElement} */ ($('backend-badge'));
    badge.dataset.kind = state.backend;
    badge.textContent = state.backend === 'webgpu' ? `WebGPU (${state.adapter})` : 'CPU (burn flex)';
    badge.title = state.backendReason ?? '';
    const notice = /** @type {HTMLElement} */ ($('notice'));
    const lines = [...notices];
    // A compact widget (a slide of three) keeps why in the badge's tooltip alone,
    // and a lesson with no network (the dice) needs no word on backends.
    if (root.host.hasAttribute('compact') || state.config.lesson === 'dice') { /* nothing to add */ }
    else if (state.backend === 'cpu') lines.unshift(`Running on the CPU backend: ${state.backendReason}.`);
    else if (state.backendReason) lines.unshift(`WebGPU: ${state.backendReason}.`);
    notice.textContent = lines.join(' ');
    notice.hidden = lines.length === 0;
  }

  async function apply(patch) {
    try {
      await gan.configure(patch);
      clearError();
    } catch (e) {
      showError(e);
    }
    sync(gan.state());
  }

  // ----- the config's inputs -----
  const inputs = /** @type {NodeListOf<HTMLInputElement | HTMLSelectElement>} */ (root.querySelectorAll('#controls [data-key]'));
  for (const el of inputs) {
    el.addEventListener('change', () => apply({ [/** @type {string} */ (el.dataset.key)]: valueOf(el) }));
  }

  function sync(state) {
    for (const el of inputs) el.value = String(state.config[/** @type {string} */ (el.dataset.key)]);
    showBackend(state);
    lesson.sync(state);
  }

  // ----- buttons -----
  const play = /** @type {HTMLButtonElement} */ ($('btn-play'));
  const pause = /** @type {HTMLButtonElement} */ ($('btn-pause'));
  play.addEventListener('click', () => gan.play());
  pause.addEventListener('click', () => gan.pause());
  on('btn-step', 'click', () => gan.step(1).catch(showError));
  on('btn-reset', 'click', () => gan.reset().catch(showError));
  on('btn-reset-all', 'click', async () => {
    gan.pause();
    if (autosaveKey) forgetSaved(autosaveKey);
    await apply(defaults);
    await gan.reset().catch(showError);
  });
  gan.addEventListener('play', () => { play.disabled = true; pause.disabled = false; });
  gan.addEventListener('pause', () => { play.disabled = false; pause.disabled = true; });
  gan.addEventListener('error', (e) => showError(/** @type {CustomEvent} */ (e).detail));
  gan.addEventListener('configured', (e) => {
    const { state, reset } = /** @type {CustomEvent} */ (e).detail;
    if (reset) lossHistory = [];
    sync(state);
  });

  // ----- hidden controls; the link: the hash kept in step with the config, copy link -----
  /** @param {string[]} names */
  function setHidden(names) {
    hide = names;
    for (const el of root.querySelectorAll('[data-control]')) {
      /** @type {HTMLElement} */ (el).hidden = names.includes(/** @type {HTMLElement} */ (el).dataset.control ?? '');
    }
    // A group whose every control is hidden goes too, rather than stand empty.
    for (const group of root.querySelectorAll('[data-group]')) {
      /** @type {HTMLElement} */ (group).hidden = ![...group.querySelectorAll('[data-control]')].some((el) => !(/** @type {HTMLElement} */ (el).hidden));
    }
    if (syncUrl) writeHash(gan.state().config);
  }
  const writeHash = (config) => window.history.replaceState(null, '', `${location.pathname}${location.search}${toHash(config, hide)}`);
  /** The link that reproduces this widget: the page's own URL when it owns the hash, else the playground page. */
  const shareLink = () => (syncUrl ? location.href : `${PLAYGROUND_PAGE}${toHash(gan.state().config, hide)}`);
  setHidden(hide);
  // Window listeners go when the lesson does (the element switches lessons).
  const teardown = new AbortController();
  if (syncUrl) {
    gan.addEventListener('configured', (e) => writeHash(/** @type {CustomEvent} */ (e).detail.state.config));
    addEventListener('hashchange', () => {
      const link = parseHash(location.hash);
      const lessonNow = gan.state().config.lesson;
      const other = link.patch.lesson !== undefined && link.patch.lesson !== lessonNow;
      const { config, notices: bad } = sanitize(other ? link.patch : { ...link.patch, lesson: lessonNow });
      notices.splice(0, notices.length, ...link.notices, ...bad.map((m) => `Ignored from the link: ${m}`));
      if (!other) {
        apply(config);
        return;
      }
      // Another lesson: the element switches to it.
      /** @type {any} */ (root.host).configure(config).catch(showError);
    }, { signal: teardown.signal });
  }
  on('btn-share', 'click', async () => {
    const box = /** @type {HTMLInputElement} */ ($('share-link'));
    const link = shareLink();
    box.value = link;
    box.hidden = false;
    box.select();
    const status = /** @type {HTMLElement} */ ($('share-status'));
    try {
      await navigator.clipboard.writeText(link);
      status.textContent = 'Link copied.';
    } catch {
      status.textContent = 'Copy the link above.';
    }
  });

  // ----- weights: export as a download, import from a file -----
  on('btn-export', 'click', async () => {
    try {
      const bytes = await gan.exportWeights();
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
      const a = doc.createElement('a');
      a.href = url;
      a.download = `gan-playground-${lesson.fileStem}-step${gan.state().step}.safetensors`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      showError(e);
    }
  });
  const importFile = /** @type {HTMLInputElement | null} */ ($('import-file'));
  importFile?.addEventListener('change', async () => {
    const file = importFile.files?.[0];
    importFile.value = '';
    if (!file) return;
    try {
      await gan.importWeights(file);
      clearError();
    } catch (e) {
      showError(new Error(`${file.name.slice(0, 60)}: ${e?.message ?? e}`));
    }
  });

  // ----- every frame: the loss history, the lesson's plots, step and rate -----
  gan.addEventListener('frame', (e) => {
    const { frame } = /** @type {CustomEvent} */ (e).detail;
    if (lossHistory.length && frame.step < lossHistory[lossHistory.length - 1].step) lossHistory = [];
    if ((frame.lossD ?? frame.lossG) != null && (!lossHistory.length || frame.step > lossHistory[lossHistory.length - 1].step)) {
      lossHistory.push({ step: frame.step, lossD: frame.lossD, lossG: frame.lossG });
      if (lossHistory.length > MAX_HISTORY) lossHistory = lossHistory.filter((_, i) => i % 2 === 0);
    }
    lesson.draw(frame, lossHistory);
    const now = performance.now();
    if (now - rate.t > 1000 || frame.step < rate.step) {
      rate = { step: frame.step, t: now, value: Math.max(0, ((frame.step - rate.step) * 1000) / (now - rate.t)) };
    }
    /** @type {HTMLElement} */ ($('out-step')).textContent = String(frame.step);
    const out = $('out-rate');
    if (out) out.textContent = rate.value ? rate.value.toFixed(0) : '–';
    for (const [id, v] of [['out-lossd', frame.lossD], ['out-lossg', frame.lossG]]) {
      const el = $(id);
      if (el) el.textContent = fmt(v);
    }
  });

  return {
    showError, clearError, apply, setHidden,
    destroy: () => teardown.abort(),
    refresh: () => sync(gan.state()),
    /** Draws the frame Rust read last (creating the playground read one already). */
    start: () => { sync(gan.state()); gan.emitFrame(gan.pg.lastFrame()); },
  };
}
