// "Draw your own" target: drag over a canvas (mouse, pen or touch) to shape a histogram.

export const DRAW_BINS = 40;
export const DRAW_RANGE = /** @type {[number, number]} */ ([-4, 4]);

/**
 * @param {HTMLCanvasElement} canvas
 * @param {(histogram: number[]) => void} onCommit called on release with the bin heights
 * @returns {{ histogram: () => number[] }}
 */
export function mountDrawTarget(canvas, onCommit) {
  // A starting shape: two bumps of unequal height.
  const bins = Array.from({ length: DRAW_BINS }, (_, i) => {
    const x = DRAW_RANGE[0] + ((i + 0.5) / DRAW_BINS) * (DRAW_RANGE[1] - DRAW_RANGE[0]);
    return 0.9 * Math.exp(-((x + 1.8) ** 2) / 0.5) + 0.5 * Math.exp(-((x - 2) ** 2) / 0.3) + 0.02;
  });
  const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
  let last = /** @type {null | {bin: number, h: number}} */ (null);

  function draw() {
    const { width: w, height: h } = canvas;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, w, h);
    ctx.fillStyle = 'rgba(40, 110, 220, 0.6)';
    const bw = w / DRAW_BINS;
    bins.forEach((v, i) => ctx.fillRect(i * bw + 0.5, h - v * h, bw - 1, v * h));
    ctx.strokeStyle = '#999';
    ctx.strokeRect(0.5, 0.5, w - 1, h - 1);
  }

  /** @param {PointerEvent} e */
  function paint(e) {
    const r = canvas.getBoundingClientRect();
    const bin = Math.max(0, Math.min(DRAW_BINS - 1, Math.floor(((e.clientX - r.left) / r.width) * DRAW_BINS)));
    const h = Math.max(0, Math.min(1, 1 - (e.clientY - r.top) / r.height));
    // Fill the bins between the last position and this one, so fast strokes leave no gaps.
    const from = last ?? { bin, h };
    const n = Math.abs(bin - from.bin);
    for (let k = 0; k <= n; k++) {
      const t = n === 0 ? 1 : k / n;
      bins[Math.round(from.bin + (bin - from.bin) * t)] = from.h + (h - from.h) * t;
    }
    last = { bin, h };
    draw();
  }

  canvas.style.touchAction = 'none';
  canvas.addEventListener('pointerdown', (e) => {
    canvas.setPointerCapture(e.pointerId);
    last = null;
    paint(e);
  });
  canvas.addEventListener('pointermove', (e) => { if (e.buttons & 1) paint(e); });
  canvas.addEventListener('pointerup', () => {
    last = null;
    onCommit(bins.slice());
  });
  draw();
  return { histogram: () => bins.slice() };
}
