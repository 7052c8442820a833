// The loss chart: D's and G's losses over steps, with the equilibrium lines log 2 and 2·log 2.
import { axes, polyline, COLORS } from './axes.js';

/**
 * @param {HTMLCanvasElement} canvas
 * @param {{step: number, lossD: number | null, lossG: number | null}[]} history
 * @param {{equilibrium?: boolean}} [opts] draw log 2 and 2·log 2 (for the logit losses)
 */
export function drawLosses(canvas, history, { equilibrium = true } = {}) {
  const steps = history.map((h) => h.step);
  const values = history.flatMap((h) => [h.lossD, h.lossG]).filter(Number.isFinite);
  // Losses far out (a diverging critic) are clipped to the chart.
  const clip = (v) => Math.max(-20, Math.min(20, v));
  const yMax = Math.max(equilibrium ? 2 * Math.LN2 * 1.3 : 0.1, ...values.map(clip));
  const yMin = Math.min(0, ...values.map(clip));
  const x1 = Math.max(10, steps[steps.length - 1] ?? 0);
  const { ctx, X, Y } = axes(canvas, { x: [steps[0] ?? 0, x1], y: [yMin, yMax], xLabel: 'step', yLabel: 'loss' });
  ctx.setLineDash([5, 4]);
  ctx.lineWidth = 1;
  for (const [v, label] of equilibrium ? [[Math.LN2, 'log 2'], [2 * Math.LN2, '2·log 2']] : []) {
    ctx.strokeStyle = '#888';
    ctx.beginPath(); ctx.moveTo(X(steps[0] ?? 0), Y(v)); ctx.lineTo(X(x1), Y(v)); ctx.stroke();
    ctx.fillStyle = '#666'; ctx.textAlign = 'left'; ctx.textBaseline = 'bottom';
    ctx.fillText(label, X(steps[0] ?? 0) + 4, Y(v) - 1);
  }
  ctx.setLineDash([]);
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = COLORS.lossD;
  polyline(ctx, steps, history.map((h) => (h.lossD == null ? NaN : clip(h.lossD))), X, Y);
  ctx.strokeStyle = COLORS.lossG;
  polyline(ctx, steps, history.map((h) => (h.lossG == null ? NaN : clip(h.lossG))), X, Y);
  // The latest values as dots, so that even one step shows.
  const last = history[history.length - 1];
  if (last) {
    for (const [v, color] of [[last.lossD, COLORS.lossD], [last.lossG, COLORS.lossG]]) {
      if (!Number.isFinite(v)) continue;
      ctx.fillStyle = color;
      ctx.beginPath(); ctx.arc(X(last.step), Y(Math.max(yMin, Math.min(v, yMax))), 3.5, 0, 2 * Math.PI); ctx.fill();
    }
  }
}
