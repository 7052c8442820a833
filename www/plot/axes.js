// Shared canvas plumbing for every plot: HiDPI sizing, data→pixel scales, axes with ticks.

export const MARGIN = { left: 38, right: 12, top: 10, bottom: 26 };

/**
 * Round tick values covering [lo, hi].
 * @param {number} lo @param {number} hi @param {number} count
 * @returns {number[]}
 */
export function ticks(lo, hi, count = 5) {
  const span = hi - lo;
  if (!(span > 0)) return [lo];
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * span; v += step) out.push(Math.abs(v) < 1e-12 ? 0 : v);
  return out;
}

/** @param {number} v */
function fmt(v) {
  // Step counts stay whole numbers (a run resumed at step 10,000 reads 10000, 10005, ...).
  if (Number.isInteger(v) && Math.abs(v) < 1e6) return String(v);
  return Math.abs(v) >= 1000 || (Math.abs(v) < 0.01 && v !== 0) ? v.toExponential(0) : String(+v.toFixed(2));
}

/**
 * Clears `canvas` and draws axes for the given data ranges.
 * @param {HTMLCanvasElement} canvas
 * @param {{x: [number, number], y: [number, number], xLabel?: string, yLabel?: string, vertical?: boolean}} opts
 * @returns {{ctx: CanvasRenderingContext2D, X: (v: number) => number, Y: (v: number) => number, left: number, right: number, top: number, bottom: number}}
 */
export function axes(canvas, opts) {
  const dpr = window.devicePixelRatio || 1;
  const cssW = canvas.clientWidth || canvas.width;
  const cssH = canvas.clientHeight || canvas.height;
  if (canvas.width !== Math.round(cssW * dpr) || canvas.height !== Math.round(cssH * dpr)) {
    canvas.width = Math.round(cssW * dpr);
    canvas.height = Math.round(cssH * dpr);
  }
  const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, cssW, cssH);
  const left = MARGIN.left, right = cssW - MARGIN.right, top = MARGIN.top, bottom = cssH - MARGIN.bottom;
  const [x0, x1] = opts.x, [y0, y1] = opts.y;
  const X = (v) => left + ((v - x0) / (x1 - x0)) * (right - left);
  const Y = (v) => bottom - ((v - y0) / (y1 - y0)) * (bottom - top);

  ctx.strokeStyle = '#999';
  ctx.fillStyle = '#555';
  ctx.lineWidth = 1;
  ctx.font = '10px system-ui, sans-serif';
  ctx.beginPath();
  ctx.moveTo(left, top); ctx.lineTo(left, bottom); ctx.lineTo(right, bottom);
  ctx.stroke();
  ctx.textAlign = 'center'; ctx.textBaseline = 'top';
  for (const t of ticks(x0, x1)) {
    ctx.fillText(fmt(t), X(t), bottom + 4);
    ctx.beginPath(); ctx.moveTo(X(t), bottom); ctx.lineTo(X(t), bottom + 3); ctx.stroke();
  }
  ctx.textAlign = 'right'; ctx.textBaseline = 'middle';
  for (const t of ticks(y0, y1, 4)) {
    ctx.fillText(fmt(t), left - 4, Y(t));
    ctx.beginPath(); ctx.moveTo(left - 3, Y(t)); ctx.lineTo(left, Y(t)); ctx.stroke();
  }
  if (opts.xLabel) { ctx.textAlign = 'right'; ctx.textBaseline = 'bottom'; ctx.fillText(opts.xLabel, right, bottom - 2); }
  if (opts.yLabel) { ctx.textAlign = 'left'; ctx.textBaseline = 'top'; ctx.fillText(opts.yLabel, left + 4, top); }
  return { ctx, X, Y, left, right, top, bottom };
}

/**
 * Strokes a polyline through (xs[i], ys[i]), skipping non-finite points.
 * @param {CanvasRenderingContext2D} ctx
 * @param {ArrayLike<number>} xs @param {ArrayLike<number>} ys
 * @param {(v: number) => number} X @param {(v: number) => number} Y
 */
export function polyline(ctx, xs, ys, X, Y) {
  ctx.beginPath();
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(xs[i]) || !Number.isFinite(ys[i])) { pen = false; continue; }
    const px = X(xs[i]), py = Y(ys[i]);
    if (pen) ctx.lineTo(px, py); else ctx.moveTo(px, py);
    pen = true;
  }
  ctx.stroke();
}

export const COLORS = {
  real: 'rgba(40, 110, 220, 0.45)',
  pdf: '#1d4f9c',
  fake: 'rgba(240, 120, 20, 0.55)',
  disc: '#2e9d4a',
  lossD: '#c0392b',
  lossG: '#7d3cb5',
  latent: '#5b4bb7',
};
