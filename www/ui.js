// One widget's UI, inside its shadow root: the backend badge and notices, the
// four plots, the readouts and the controls. It reads `gan.state()` and frames;
// it changes things only through the public API.
import { drawLatent } from './plot/latent.js';
import { drawMapping } from './plot/mapping.js';
import { drawDistributions } from './plot/distributions.js';
import { drawLosses } from './plot/losses.js';
import { mountDrawTarget, DRAW_RANGE } from './draw-target.js';
import { parseHash, toHash } from './share.js';
import { forgetSaved } from './autosave.js';

/** The fields each target kind takes, in display order. */
const TARGET_FIELDS = {
  gaussian: ['mean', 'std'],
  bimodal: ['mean1', 'mean2', 'std', 'weight'],
  uniform: ['low', 'high'],
  exponential: ['rate'],
  mixture3: [],
  custom: [],
};
const MAX_HISTORY = 2000;

/** Where "Copy link" points from a widget that does not own the page's URL: the bundle's own page. */
const PLAYGROUND_PAGE = new URL('../index.html', import.meta.url).href;

/**
 * @param {ShadowRoot} root the widget's shadow root (the template stamped in)
 * @param {import('./api.js').GanApi} gan
 * @param {{
 *   notices: string[], hide: string[], defaults: object, syncUrl: boolean, autosaveKey: string | null,
 *   sanitize: (patch: object) => {config: object, notices: string[]}, onError: (e: unknown) => void,
 * }} options messages from start-up, the hidden controls, the config "Reset everything" returns to,
 *   whether the widget owns the page's URL hash, its autosave key, Rust's lenient validator, and
 *   who hears of each error shown
 */
export function mountUi(root, gan, { notices, hide, defaults, syncUrl, autosaveKey, sanitize, onError }) {
  const doc = root.ownerDocument;
  const $ = (id) => /** @type {HTMLElement} */ (root.getElementById(id));
  const errorBox = $('error');
  /** @type {{step: number, lossD: number, lossG: number}[]} */
  let lossHistory = [];
  let rate = { step: 0, t: performance.now(), value: 0 };

  const showError = (e) => {
    errorBox.textContent = e?.message ?? String(e);
    errorBox.hidden = false;
    onError(e);
  };
  const clearError = () => { errorBox.hidden = true; errorBox.textContent = ''; };

  function showBackend(state) {
    const badge = $('backend-badge');
    badge.dataset.kind = state.backend;
    badge.textContent = state.backend === 'webgpu' ? `WebGPU (${state.adapter})` : 'CPU (burn flex)';
    badge.title = state.backendReason ?? '';
    const notice = $('notice');
    const lines = [...notices];
    // A compact widget (a slide of three) keeps why in the badge's tooltip alone.
    if (root.host.hasAttribute('compact')) { /* nothing to add */ }
    else if (state.backend === 'cpu') lines.unshift(`Running on the CPU backend: ${state.backendReason}.`);
    else if (state.backendReason) lines.unshift(`WebGPU: ${state.backendReason}.`);
    notice.textContent = lines.join(' ');
    notice.hidden = lines.length === 0;
  }

  // ----- controls -----
  const inputs = /** @type {NodeListOf<HTMLInputElement | HTMLSelectElement>} */ (root.querySelectorAll('#controls [data-key]'));
  const kindSelect = /** @type {HTMLSelectElement} */ ($('target-kind'));
  const fieldsBox = $('target-fields');
  const drawBox = $('draw-box');

  async function apply(patch) {
    try {
      await gan.configure(patch);
      clearError();
    } catch (e) {
      showError(e);
    }
    syncControls(gan.state());
  }

  /** The value of an input as configure expects it: a number, or the raw text for Rust to reject. */
  const valueOf = (el) => {
    if (el instanceof HTMLSelectElement) return el.value;
    return el.value.trim() === '' || Number.isNaN(el.valueAsNumber) ? el.value : el.valueAsNumber;
  };

  for (const el of inputs) {
    el.addEventListener('change', () => apply({ [el.dataset.key]: valueOf(el) }));
  }

  const drawing = mountDrawTarget(/** @type {HTMLCanvasElement} */ ($('draw-canvas')), (histogram) =>
    apply({ target: { kind: 'custom', histogram, low: DRAW_RANGE[0], high: DRAW_RANGE[1] } }),
  );

  kindSelect.addEventListener('change', () => {
    const kind = kindSelect.value;
    if (kind === 'custom') apply({ target: { kind, histogram: drawing.histogram(), low: DRAW_RANGE[0], high: DRAW_RANGE[1] } });
    else apply({ target: { kind } });
  });

  function renderTargetFields(target) {
    const fields = TARGET_FIELDS[target.kind] ?? [];
    fieldsBox.replaceChildren(
      ...fields.map((name) => {
        const label = doc.createElement('label');
        label.textContent = `${name} `;
        const input = doc.createElement('input');
        input.type = 'number';
        input.step = 'any';
        input.dataset.field = name;
        input.value = String(target[name]);
        input.addEventListener('change', () => {
          const { kind, ...rest } = gan.state().config.target;
          apply({ target: { kind, ...rest, [name]: valueOf(input) } });
        });
        label.append(input);
        return label;
      }),
    );
    drawBox.hidden = target.kind !== 'custom';
  }

  function syncControls(state) {
    const c = state.config;
    for (const el of inputs) el.value = String(c[el.dataset.key]);
    kindSelect.value = c.target.kind;
    renderTargetFields(c.target);
    $('mapping-note').hidden = c.latentDim <= 1;
    showBackend(state);
  }

  const play = /** @type {HTMLButtonElement} */ ($('btn-play'));
  const pause = /** @type {HTMLButtonElement} */ ($('btn-pause'));
  play.addEventListener('click', () => gan.play());
  pause.addEventListener('click', () => gan.pause());
  $('btn-step').addEventListener('click', () => gan.step(1).catch(showError));
  $('btn-reset').addEventListener('click', () => gan.reset().catch(showError));
  $('btn-reset-all').addEventListener('click', async () => {
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
    syncControls(state);
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
  if (syncUrl) {
    gan.addEventListener('configured', (e) => writeHash(/** @type {CustomEvent} */ (e).detail.state.config));
    addEventListener('hashchange', () => {
      const link = parseHash(location.hash);
      const { config, notices: bad } = sanitize(link.patch);
      notices.splice(0, notices.length, ...link.notices, ...bad.map((m) => `Ignored from the link: ${m}`));
      apply(config);
    });
  }
  $('btn-share').addEventListener('click', async () => {
    const box = /** @type {HTMLInputElement} */ ($('share-link'));
    const link = shareLink();
    box.value = link;
    box.hidden = false;
    box.select();
    try {
      await navigator.clipboard.writeText(link);
      $('share-status').textContent = 'Link copied.';
    } catch {
      $('share-status').textContent = 'Copy the link above.';
    }
  });

  // ----- weights: export as a download, import from a file -----
  $('btn-export').addEventListener('click', async () => {
    try {
      const bytes = await gan.exportWeights();
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
      const a = doc.createElement('a');
      a.href = url;
      a.download = `gan-playground-1d-step${gan.state().step}.safetensors`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      showError(e);
    }
  });
  const importFile = /** @type {HTMLInputElement} */ ($('import-file'));
  importFile.addEventListener('change', async () => {
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

  // ----- plots and readouts -----
  const fmt = (v, digits = 3) => (v === null || v === undefined ? '–' : Number(v).toFixed(digits));
  gan.addEventListener('frame', (e) => {
    const { frame } = /** @type {CustomEvent} */ (e).detail;
    if (lossHistory.length && frame.step < lossHistory[lossHistory.length - 1].step) lossHistory = [];
    if (frame.lossD !== null && (!lossHistory.length || frame.step > lossHistory[lossHistory.length - 1].step)) {
      lossHistory.push({ step: frame.step, lossD: frame.lossD, lossG: frame.lossG });
      if (lossHistory.length > MAX_HISTORY) lossHistory = lossHistory.filter((_, i) => i % 2 === 0);
    }
    drawLatent(/** @type {HTMLCanvasElement} */ ($('latent-canvas')), frame);
    drawMapping(/** @type {HTMLCanvasElement} */ ($('mapping-canvas')), frame);
    drawDistributions(/** @type {HTMLCanvasElement} */ ($('dist-canvas')), frame);
    drawLosses(/** @type {HTMLCanvasElement} */ ($('loss-canvas')), lossHistory);
    const now = performance.now();
    if (now - rate.t > 1000 || frame.step < rate.step) {
      rate = { step: frame.step, t: now, value: Math.max(0, ((frame.step - rate.step) * 1000) / (now - rate.t)) };
    }
    $('out-step').textContent = String(frame.step);
    $('out-w1').textContent = fmt(frame.metrics.w1);
    $('out-js').textContent = fmt(frame.metrics.js);
    $('out-lossd').textContent = fmt(frame.lossD);
    $('out-lossg').textContent = fmt(frame.lossG);
    $('out-rate').textContent = rate.value ? rate.value.toFixed(0) : '–';
  });

  syncControls(gan.state());
  // Creating the playground read the first frame already.
  gan.emitFrame(gan.pg.lastFrame());
  return { showError, apply, setHidden, refresh: () => syncControls(gan.state()) };
}
