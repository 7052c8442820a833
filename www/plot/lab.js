// The 2-D lab's plane: D's heatmap, G's manifold, real and generated samples,
// and the gradient arrows, each a layer that can be switched off.
import { axes, MARGIN } from './axes.js';

/** Each layer's colour (the browser tests count pixels of these). */
export const LAB_COLORS = {
  real: [30, 90, 200],
  fake: [230, 100, 0],
  manifold: [120, 60, 170],
  arrows: [200, 0, 90],
  /** The heatmap runs from `heatFake` (D says fake) through white to `heatReal`. */
  heatReal: [150, 190, 240],
  heatFake: [250, 200, 150],
};
const rgb = (c, a = 1) => `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${a})`;

/**
 * @param {HTMLCanvasElement} canvas
 * @param {any} frame a Frame2d
 * @param {{heat: boolean, manifold: boolean, real: boolean, fake: boolean, arrows: boolean}} layers
 * @param {{phase?: null | 'sample' | 'd' | 'g', drawn?: number[][]}} [extra] slow mode's phase; points being painted
 */
export function drawLab(canvas, frame, layers, { phase = null, drawn = [] } = {}) {
  const e = frame.extent;
  const { ctx, X, Y } = axes(canvas, { x: [-e, e], y: [-e, e] });
  const dim = (on) => (phase === null || on ? 1 : 0.35);

  if (layers.heat && frame.heat.length) {
    const n = frame.heatSize;
    // Probabilities map 0 → fake, ½ → white, 1 → real; a critic's scores by ± their largest size.
    const m = frame.heatIsProbability ? 1 : Math.max(1e-9, ...frame.heat.map((v) => Math.abs(v)));
    const off = heatImage(n, (v) => {
      const t = frame.heatIsProbability ? 2 * v - 1 : v / m; // in [−1, 1]
      const to = t >= 0 ? LAB_COLORS.heatReal : LAB_COLORS.heatFake;
      const a = Math.min(1, Math.abs(t));
      return [0, 1, 2].map((k) => 255 + (to[k] - 255) * a);
    }, frame.heat);
    ctx.save();
    ctx.globalAlpha = dim(phase === 'd');
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(off, X(-e), Y(e), X(e) - X(-e), Y(-e) - Y(e));
    ctx.restore();
    legend(ctx, X(-e) + 6, Y(-e) - 16, frame.heatIsProbability ? ['D = 0', 'D = 1'] : [`critic −${m.toPrecision(2)}`, `+${m.toPrecision(2)}`]);
  }

  if (layers.manifold && frame.manifold.length) {
    const [rows, cols] = frame.manifoldShape;
    const p = (r, c) => [X(frame.manifold[2 * (r * cols + c)]), Y(frame.manifold[2 * (r * cols + c) + 1])];
    ctx.strokeStyle = rgb(LAB_COLORS.manifold, 0.55 * dim(phase === 'g'));
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) { const [x, y] = p(r, c); if (c === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y); }
    for (let c = 0; rows > 1 && c < cols; c++) for (let r = 0; r < rows; r++) { const [x, y] = p(r, c); if (r === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y); }
    ctx.stroke();
  }

  const dots = (points, color, size, alpha) => {
    ctx.fillStyle = rgb(color, alpha);
    for (let i = 0; i + 1 < points.length; i += 2) {
      if (Number.isFinite(points[i]) && Number.isFinite(points[i + 1])) ctx.fillRect(X(points[i]) - size / 2, Y(points[i + 1]) - size / 2, size, size);
    }
  };
  const big = phase === 'sample' ? 4 : 3;
  if (layers.real) dots(frame.real, LAB_COLORS.real, big, 0.8 * dim(phase === 'sample' || phase === 'd'));
  if (layers.fake) dots(frame.fake, LAB_COLORS.fake, big, 0.85 * dim(phase !== 'd'));

  if (layers.arrows && frame.arrows.length) {
    const n = frame.arrows.length / 2;
    let longest = 0;
    for (let i = 0; i < n; i++) longest = Math.max(longest, Math.hypot(frame.arrows[2 * i], frame.arrows[2 * i + 1]));
    if (longest > 0) {
      const k = (0.09 * 2 * e) / longest;
      ctx.strokeStyle = rgb(LAB_COLORS.arrows, 0.9 * dim(phase === 'g'));
      ctx.lineWidth = phase === 'g' ? 2 : 1.3;
      ctx.beginPath();
      for (let i = 0; i < n; i++) {
        const [x0, y0] = [frame.fake[2 * i], frame.fake[2 * i + 1]];
        const [x1, y1] = [x0 + k * frame.arrows[2 * i], y0 + k * frame.arrows[2 * i + 1]];
        const [a, b, c, d] = [X(x0), Y(y0), X(x1), Y(y1)];
        ctx.moveTo(a, b);
        ctx.lineTo(c, d);
        const ang = Math.atan2(d - b, c - a);
        if (Math.hypot(c - a, d - b) > 4) {
          ctx.moveTo(c, d); ctx.lineTo(c - 4 * Math.cos(ang - 0.5), d - 4 * Math.sin(ang - 0.5));
          ctx.moveTo(c, d); ctx.lineTo(c - 4 * Math.cos(ang + 0.5), d - 4 * Math.sin(ang + 0.5));
        }
      }
      ctx.stroke();
    }
  }

  if (drawn.length) {
    ctx.fillStyle = 'rgba(10, 40, 120, 0.9)';
    for (const [x, y] of drawn) ctx.fillRect(X(x) - 2, Y(y) - 2, 4, 4);
  }
}

/** The two classes of the discriminative panel. */
export const CLASS_COLORS = { one: [30, 90, 200], zero: [0, 150, 90], tintOne: [170, 200, 245], tintZero: [170, 230, 200] };

/**
 * The classifier's p(y = 1 | x) over the plane, and its labelled points.
 * @param {HTMLCanvasElement} canvas @param {any} frame a classifier frame
 */
export function drawClassifier(canvas, frame) {
  const e = frame.extent;
  const { ctx, X, Y } = axes(canvas, { x: [-e, e], y: [-e, e] });
  const { tintZero: lo, tintOne: hi } = CLASS_COLORS;
  const off = heatImage(frame.heatSize, (p) => [0, 1, 2].map((k) => lo[k] + (hi[k] - lo[k]) * p), frame.heat);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(off, X(-e), Y(e), X(e) - X(-e), Y(-e) - Y(e));
  for (let i = 0; i < frame.labels.length; i++) {
    ctx.fillStyle = rgb(frame.labels[i] > 0.5 ? CLASS_COLORS.one : CLASS_COLORS.zero, 0.85);
    ctx.fillRect(X(frame.points[2 * i]) - 1.5, Y(frame.points[2 * i + 1]) - 1.5, 3, 3);
  }
}

/**
 * An n × n image of a grid of values (row-major by y then x, row 0 the lowest
 * y), each coloured by `color`; to be drawn scaled, smoothed, onto the plane.
 * @param {number} n @param {(v: number) => number[]} color @param {ArrayLike<number>} values
 */
function heatImage(n, color, values) {
  const off = document.createElement('canvas');
  off.width = n;
  off.height = n;
  const octx = /** @type {CanvasRenderingContext2D} */ (off.getContext('2d'));
  const img = octx.createImageData(n, n);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const rgbv = color(values[r * n + c]);
      const at = ((n - 1 - r) * n + c) * 4;
      for (let k = 0; k < 3; k++) img.data[at + k] = Math.round(rgbv[k]);
      img.data[at + 3] = 255;
    }
  }
  octx.putImageData(img, 0, 0);
  return off;
}

/** A small colour bar for the heatmap, with its two end labels. */
function legend(ctx, x, y, [lo, hi]) {
  const w = 90, h = 8;
  const g = ctx.createLinearGradient(x, 0, x + w, 0);
  g.addColorStop(0, rgb(LAB_COLORS.heatFake));
  g.addColorStop(0.5, '#fff');
  g.addColorStop(1, rgb(LAB_COLORS.heatReal));
  ctx.fillStyle = g;
  ctx.fillRect(x, y, w, h);
  ctx.strokeStyle = '#999';
  ctx.strokeRect(x + 0.5, y + 0.5, w, h);
  ctx.fillStyle = '#444';
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'bottom';
  ctx.textAlign = 'left';
  ctx.fillText(lo, x, y - 1);
  ctx.textAlign = 'right';
  ctx.fillText(hi, x + w, y - 1);
}

/**
 * Canvas pixel coordinates → data coordinates on the lab's plane.
 * @param {HTMLCanvasElement} canvas @param {number} extent @param {PointerEvent} ev
 */
export function planePoint(canvas, extent, ev) {
  const r = canvas.getBoundingClientRect();
  const left = MARGIN.left, right = r.width - MARGIN.right, top = MARGIN.top, bottom = r.height - MARGIN.bottom;
  const x = -extent + ((ev.clientX - r.left - left) / (right - left)) * 2 * extent;
  const y = extent - ((ev.clientY - r.top - top) / (bottom - top)) * 2 * extent;
  return [x, y];
}
