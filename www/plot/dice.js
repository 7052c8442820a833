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
  }
  // Every face labelled (the axis ticks skip some).
  ctx.fillStyle = '#222';
  ctx.font = '12px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  for (let f = 1; f <= 6; f++) ctx.fillText(String(f), X(f), Y(0) - 2);
}

/**
 * @param {HTMLCanvasElement} canvas @param {[number, number][]} curve `[N, TV]` at log-spaced N
 * @param {number[]} probs the PMF
 */
export function drawTv(canvas, curve, probs) {
  const { ctx, X, Y } = axes(canvas, { x: [0, 5], y: [0, 1], xLabel: 'log₁₀ N', yLabel: 'TV' });
  // The expected TV for large N, ½ Σ √(2 p(1 − p) / (π N)) (each count's error is
  // about normal): the 1/√N law the red curve follows. Dashed.
  ctx.setLineDash([4, 4]);
  ctx.strokeStyle = '#999';
  ctx.lineWidth = 1;
  const ns = Array.from({ length: 51 }, (_, i) => i / 10);
  const expected = (n) => 0.5 * probs.reduce((s, p) => s + Math.sqrt((2 * p * (1 - p)) / (Math.PI * n)), 0);
  polyline(ctx, ns, ns.map((l) => Math.min(1, expected(10 ** l))), X, Y);
  ctx.setLineDash([]);
  ctx.strokeStyle = COLORS.lossD;
  ctx.lineWidth = 1.5;
  polyline(ctx, curve.map(([n]) => Math.log10(n)), curve.map(([, tv]) => tv), X, Y);
  const last = curve[curve.length - 1];
  if (last) {
    ctx.fillStyle = COLORS.lossD;
    ctx.beginPath(); ctx.arc(X(Math.log10(last[0])), Y(last[1]), 3.5, 0, 2 * Math.PI); ctx.fill();
  }
}
