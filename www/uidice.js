// Lesson 0's UI: pick a die (fair, loaded, or your own probabilities), roll N
// times, and watch the histogram approach the PMF while TV falls.
import { drawDice, drawTv } from './plot/dice.js';
import { drawLab, drawClassifier } from './plot/lab.js';
import { mountShell, valueOf, fmt } from './ui-shell.js';

const DICE = { fair: [1, 1, 1, 1, 1, 1], loaded: [1, 1, 1, 1, 1, 5] };
const kindOf = (w) => Object.keys(DICE).find((k) => JSON.stringify(DICE[k]) === JSON.stringify(w)) ?? 'custom';

/**
 * @param {ShadowRoot} root @param {import('./api.js').GanApi} gan
 * @param {import('./ui-shell.js').ShellOptions} options
 * @param {any} Compare the wasm class behind "discriminative vs generative"
 */
export function mountUiDice(root, gan, options, Compare) {
  const doc = root.ownerDocument;
  const $ = (id) => /** @type {HTMLElement} */ (root.getElementById(id));
  const kind = /** @type {HTMLSelectElement} */ ($('die-kind'));
  const range = /** @type {HTMLInputElement} */ ($('rolls-range'));

  function renderWeights(weights) {
    $('die-weights').replaceChildren(
      ...weights.map((w, i) => {
        const label = doc.createElement('label');
        label.textContent = `${i + 1}: `;
        const input = doc.createElement('input');
        input.type = 'number';
        input.min = '0';
        input.step = 'any';
        input.dataset.face = String(i + 1);
        input.value = String(w);
        input.addEventListener('change', () => {
          const next = [...gan.state().config.weights];
          next[i] = valueOf(input);
          shell.apply({ weights: next });
        });
        label.append(input);
        return label;
      }),
    );
  }

  const shell = mountShell(root, gan, options, {
    fileStem: 'dice',
    sync(state) {
      kind.value = kindOf(state.config.weights);
      renderWeights(state.config.weights);
      range.value = String(Math.log10(state.config.rolls));
    },
    draw(frame) {
      drawDice(/** @type {HTMLCanvasElement} */ ($('dice-canvas')), frame);
      drawTv(/** @type {HTMLCanvasElement} */ ($('tv-canvas')), frame.tvCurve, frame.probs);
      $('out-tv').textContent = fmt(frame.metrics.tv);
    },
  });

  kind.addEventListener('change', () => {
    if (kind.value !== 'custom') shell.apply({ weights: DICE[/** @type {'fair' | 'loaded'} */ (kind.value)] });
  });
  // The slider is log₁₀ N: 1 to 100,000 in one sweep.
  range.addEventListener('change', () => shell.apply({ rolls: Math.max(1, Math.min(100000, Math.round(10 ** Number(range.value)))) }));
  $('btn-reroll').addEventListener('click', () => shell.apply({ seed: gan.state().config.seed + 1 }));

  // ----- discriminative vs generative: its own two small models and loop -----
  let compare = new Compare(gan.state().config.seed);
  let training = false;
  const button = $('btn-compare');
  async function drawCompare() {
    const f = await compare.frame();
    drawClassifier(/** @type {HTMLCanvasElement} */ ($('disc-canvas')), f.classifier);
    drawLab(/** @type {HTMLCanvasElement} */ ($('gen-canvas')), f.gan, { heat: false, manifold: false, real: true, fake: true, arrows: false });
    $('out-accuracy').textContent = `${(100 * f.classifier.accuracy).toFixed(1)} %`;
    $('out-compare-js').textContent = fmt(f.gan.metrics.js);
    root.host.dispatchEvent(new CustomEvent('compare', { detail: { step: f.classifier.step, accuracy: f.classifier.accuracy, js: f.gan.metrics.js } }));
  }
  async function trainLoop() {
    while (training && root.host.isConnected) {
      try {
        compare.step(3);
        await drawCompare();
      } catch (e) {
        training = false;
        shell.showError(e);
      }
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    }
    training = false;
    button.textContent = '▶ Train both';
  }
  button.addEventListener('click', () => {
    training = !training;
    button.textContent = training ? '❚❚ Pause both' : '▶ Train both';
    if (training) trainLoop();
  });
  $('btn-compare-reset').addEventListener('click', () => {
    compare.free?.();
    compare = new Compare(gan.state().config.seed);
    drawCompare().catch(shell.showError);
  });
  drawCompare().catch(shell.showError);

  shell.start();
  return {
    ...shell,
    destroy() {
      training = false;
      shell.destroy();
    },
  };
}
