// The dice lesson's plots: the histogram of N rolls over the PMF, and the TV
// distance against N (log scale) as rolls accumulate.
import { axes, polyline, COLORS } from './axes.js';

/** @param {HTMLCanvasElement} canvas @param {{probs: number[], counts: number[], step: number}} frame */
export function drawDice(canvas, frame) {
  const n = Math.max(1, frame.step);
  const freq = frame.counts.map((c) => c / n);
  const top = Math.max(0.3, ...frame.probs, ...freq) * 1.1;
  const { ctx, X, Y } = axes(canvas, { x: [0.5, 6.5], y: [0, top], xLabel: 'face', yLabel: 'probability' });
  for (let f = 1; f <= 6; f++) {
    ctx.fillStyle = COLORS.real;
    ctx.fillRect(X(f - 0.35), Y(freq[f - 1]), X(f + 0.35) - X(f - 0.35), Y(0) - Y(freq[f - 1]));
    ctx.strokeStyle = COLORS.pdf;
    ctx.lineWidth = 2;
    ctx.strokeRect(X(f - 0.42), Y(frame.probs[f - 1]), X(f + 0.42) - X(f - 0.42), Y(0) - Y(frame.probs[f - 1]));
    ctx.fillStyle = '#333';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
  }
}

/** @param {HTMLCanvasElement} canvas @param {{n: number, tv: number}[]} history */
export function drawTv(canvas, history) {
  const pts = history.filter((h) => h.n >= 1);
  const xs = pts.map((h) => Math.log10(h.n));
  const { ctx, X, Y } = axes(canvas, { x: [0, 5], y: [0, 1], xLabel: 'log₁₀ N', yLabel: 'TV' });
  ctx.strokeStyle = COLORS.lossD;
  ctx.lineWidth = 1.5;
  polyline(ctx, xs, pts.map((h) => h.tv), X, Y);
  const last = pts[pts.length - 1];
  if (last) {
    ctx.fillStyle = COLORS.lossD;
    ctx.beginPath(); ctx.arc(X(Math.log10(last.n)), Y(last.tv), 3.5, 0, 2 * Math.PI); ctx.fill();
  }
}
