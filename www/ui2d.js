// The 2-D lab's UI: the plane with its layers, the loss chart, the VEEGAN
// readouts, presets, the dataset (painting included), the loss and its
// explanation, D/G step buttons and slow mode.
import { drawLab, planePoint } from './plot/lab.js';
import { drawLosses } from './plot/losses.js';
import { mountShell, valueOf, fmt } from './ui-shell.js';

/** The fields each dataset kind takes. */
const DATASET_FIELDS = { ring: ['radius', 'sigma'], grid: ['sigma'], spiral: ['noise'], moons: ['noise'], drawn: ['sigma'] };

/** One line per loss, shown under the chart. */
export const LOSS_EXPLAINED = {
  minimax: 'Minimax: G minimises log(1 − D(G(z))), the original game; it saturates when D wins, and G stops learning.',
  nonsaturating: 'Non-saturating: G maximises log D(G(z)) instead, so its gradient stays strong while D is winning.',
  lsgan: 'Least squares: D regresses real to 1 and fake to 0; G pulls its samples toward D = 1, with gradients that do not vanish.',
  hinge: 'Hinge: D wants real ≥ 1 and fake ≤ −1 and ignores samples beyond; G raises D(G(z)).',
  'wgan-clip': 'WGAN: a critic estimates the Wasserstein distance; its weights are clipped to [−c, c] to keep it Lipschitz.',
  'wgan-gp': 'WGAN-GP: the critic is kept Lipschitz by a penalty λ·(‖∇D(x̂)‖ − 1)² between real and fake samples, not by clipping.',
};

/** Where the default drawing sits: a smiling face (this is a lecture about faces). */
function defaultDrawing() {
  const pts = [];
  for (let i = 0; i <= 24; i++) {
    const a = Math.PI * (1.15 + (0.7 * i) / 24);
    pts.push([1.1 * Math.cos(a), 1.1 * Math.sin(a) + 0.2]);
  }
  for (const cx of [-0.55, 0.55]) for (let i = 0; i < 8; i++) pts.push([cx + 0.08 * Math.cos(i), 0.7 + 0.08 * Math.sin(i)]);
  return pts.map(([x, y]) => [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000]);
}

/**
 * @param {ShadowRoot} root @param {import('./api.js').GanApi} gan
 * @param {import('./ui-shell.js').ShellOptions} options
 * @param {{name: string, label: string, patch: object}[]} presets
 */
export function mountUi2d(root, gan, options, presets) {
  const doc = root.ownerDocument;
  const $ = (id) => /** @type {HTMLElement} */ (root.getElementById(id));
  const canvas = /** @type {HTMLCanvasElement} */ ($('lab-canvas'));
  const kindSelect = /** @type {HTMLSelectElement} */ ($('dataset-kind'));
  const layers = { heat: true, manifold: true, real: true, fake: true, arrows: true };
  /** @type {any} */
  let lastFrame = null;
  /** @type {number[][]} points being painted, not yet committed */
  let painting = [];
  const redraw = () => { if (lastFrame) drawLab(canvas, lastFrame, layers, { phase: gan.phase, drawn: painting }); };

  function renderDatasetFields(dataset) {
    $('dataset-fields').replaceChildren(
      ...(DATASET_FIELDS[dataset.kind] ?? []).map((name) => {
        const label = doc.createElement('label');
        label.textContent = `${name === 'sigma' ? 'σ' : name} `;
        const input = doc.createElement('input');
        input.type = 'number';
        input.step = 'any';
        input.dataset.field = name;
        input.value = String(dataset[name]);
        input.addEventListener('change', () => shell.apply({ dataset: { ...gan.state().config.dataset, [name]: valueOf(input) } }));
        label.append(input);
        return label;
      }),
    );
    $('draw-note').hidden = dataset.kind !== 'drawn';
    canvas.classList.toggle('painting', dataset.kind === 'drawn');
  }

  const shell = mountShell(root, gan, options, {
    fileStem: '2d',
    sync(state) {
      const c = state.config;
      kindSelect.value = c.dataset.kind;
      renderDatasetFields(c.dataset);
      $('loss-explain').textContent = LOSS_EXPLAINED[c.loss] ?? '';
      // Fields for the other losses step aside (without touching what `hide` hid).
      root.querySelector('[data-control="clip"]')?.classList.toggle('off', c.loss !== 'wgan-clip');
      root.querySelector('[data-control="gpWeight"]')?.classList.toggle('off', c.loss !== 'wgan-gp');
      for (const b of root.querySelectorAll('#presets button')) {
        /** @type {HTMLElement} */ (b).classList.toggle('on', matches(c, presets.find((p) => p.name === /** @type {HTMLElement} */ (b).dataset.preset)?.patch ?? {}));
      }
    },
    draw(frame, history) {
      lastFrame = frame;
      redraw();
      const wasserstein = ['hinge', 'wgan-clip', 'wgan-gp'].includes(gan.state().config.loss);
      drawLosses(/** @type {HTMLCanvasElement} */ ($('loss-canvas')), history, { equilibrium: !wasserstein });
      const m = frame.metrics;
      $('out-modes').textContent = m.modesTotal == null ? 'n/a' : `${m.modesCovered} / ${m.modesTotal}`;
      $('out-hq').textContent = m.highQuality == null ? 'n/a' : `${(100 * m.highQuality).toFixed(1)} %`;
      $('out-js').textContent = fmt(m.js);
    },
  });

  /** Whether `config` already has every value of `patch`. */
  const matches = (config, patch) => Object.entries(patch).every(([k, v]) => JSON.stringify(config[k]) === JSON.stringify(v));

  // ----- presets -----
  for (const p of presets) {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = p.label;
    b.dataset.preset = p.name;
    b.addEventListener('click', () => shell.apply(p.patch));
    $('presets').append(b);
  }

  // ----- layers, steps, slow mode -----
  for (const box of /** @type {NodeListOf<HTMLInputElement>} */ (root.querySelectorAll('[data-layer]'))) {
    box.addEventListener('change', () => { layers[/** @type {keyof typeof layers} */ (box.dataset.layer)] = box.checked; redraw(); });
  }
  $('btn-step-d').addEventListener('click', () => gan.step(1, 'd').catch(shell.showError));
  $('btn-step-g').addEventListener('click', () => gan.step(1, 'g').catch(shell.showError));
  const slow = /** @type {HTMLInputElement} */ ($('slow'));
  slow.addEventListener('change', () => gan.setSlow(slow.checked));
  gan.addEventListener('phase', (e) => {
    const { phase } = /** @type {CustomEvent} */ (e).detail;
    const list = $('phases');
    list.hidden = !gan.slow;
    list.dataset.phase = phase ?? '';
    for (const li of list.querySelectorAll('li')) li.classList.toggle('now', /** @type {HTMLElement} */ (li).dataset.phase === phase);
    redraw();
  });

  // ----- the dataset, painted on the plane -----
  kindSelect.addEventListener('change', () => {
    const kind = kindSelect.value;
    shell.apply(kind === 'drawn' ? { dataset: { kind, points: defaultDrawing() } } : { dataset: { kind } });
  });
  $('btn-clear-drawing').addEventListener('click', () => { painting = []; redraw(); });
  const isDrawn = () => gan.state().config.dataset.kind === 'drawn';
  canvas.style.touchAction = 'none';
  canvas.addEventListener('pointerdown', (ev) => {
    if (!isDrawn() || !lastFrame) return;
    canvas.setPointerCapture(ev.pointerId);
    painting.push(planePoint(canvas, lastFrame.extent, ev));
    redraw();
  });
  canvas.addEventListener('pointermove', (ev) => {
    if (!isDrawn() || !lastFrame || !(ev.buttons & 1)) return;
    const p = planePoint(canvas, lastFrame.extent, ev);
    const q = painting[painting.length - 1];
    // Spaced along the stroke, so a slow drag does not pile points up.
    if (!q || Math.hypot(p[0] - q[0], p[1] - q[1]) > lastFrame.extent / 60) painting.push(p);
    redraw();
  });
  canvas.addEventListener('pointerup', () => {
    if (!isDrawn() || painting.length === 0) return;
    const points = painting.map(([x, y]) => [Math.max(-5, Math.min(5, x)), Math.max(-5, Math.min(5, y))]);
    painting = [];
    const { sigma } = gan.state().config.dataset;
    shell.apply({ dataset: { kind: 'drawn', points, sigma } });
  });

  shell.start();
  return shell;
}
