// The 1-D lesson's UI: the latent, the mapping x = G(z), P_data vs P_model with
// D(x), the losses, and the target controls (including "draw your own").
import { drawLatent } from './plot/latent.js';
import { drawMapping } from './plot/mapping.js';
import { drawDistributions } from './plot/distributions.js';
import { drawLosses } from './plot/losses.js';
import { mountDrawTarget, DRAW_RANGE } from './draw-target.js';
import { mountShell, valueOf, fmt } from './ui-shell.js';

/** The fields each target kind takes, in display order. */
const TARGET_FIELDS = {
  gaussian: ['mean', 'std'],
  bimodal: ['mean1', 'mean2', 'std', 'weight'],
  uniform: ['low', 'high'],
  exponential: ['rate'],
  mixture3: [],
  custom: [],
};

/**
 * @param {ShadowRoot} root @param {import('./api.js').GanApi} gan
 * @param {import('./ui-shell.js').ShellOptions} options
 */
export function mountUi1d(root, gan, options) {
  const doc = root.ownerDocument;
  const $ = (id) => /** @type {HTMLElement} */ (root.getElementById(id));
  const kindSelect = /** @type {HTMLSelectElement} */ ($('target-kind'));
  const fieldsBox = $('target-fields');
  const drawBox = $('draw-box');

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
          shell.apply({ target: { kind, ...rest, [name]: valueOf(input) } });
        });
        label.append(input);
        return label;
      }),
    );
    drawBox.hidden = target.kind !== 'custom';
  }

  const shell = mountShell(root, gan, options, {
    fileStem: '1d',
    sync(state) {
      kindSelect.value = state.config.target.kind;
      renderTargetFields(state.config.target);
      $('mapping-note').hidden = state.config.latentDim <= 1;
    },
    draw(frame, history) {
      drawLatent(/** @type {HTMLCanvasElement} */ ($('latent-canvas')), frame);
      drawMapping(/** @type {HTMLCanvasElement} */ ($('mapping-canvas')), frame);
      drawDistributions(/** @type {HTMLCanvasElement} */ ($('dist-canvas')), frame);
      drawLosses(/** @type {HTMLCanvasElement} */ ($('loss-canvas')), history);
      $('out-w1').textContent = fmt(frame.metrics.w1);
      $('out-js').textContent = fmt(frame.metrics.js);
    },
  });

  const drawing = mountDrawTarget(/** @type {HTMLCanvasElement} */ ($('draw-canvas')), (histogram) =>
    shell.apply({ target: { kind: 'custom', histogram, low: DRAW_RANGE[0], high: DRAW_RANGE[1] } }),
  );
  kindSelect.addEventListener('change', () => {
    const kind = kindSelect.value;
    if (kind === 'custom') shell.apply({ target: { kind, histogram: drawing.histogram(), low: DRAW_RANGE[0], high: DRAW_RANGE[1] } });
    else shell.apply({ target: { kind } });
  });

  shell.start();
  return shell;
}
