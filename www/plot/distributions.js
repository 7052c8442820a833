// The distributions panel: P_data and P_model histograms, P_data's density, and D(x) on a 0–1 scale.
import { axes, polyline, COLORS } from './axes.js';

/**
 * @param {CanvasRenderingContext2D} ctx
 * @param {number[]} hist densities per bin over `range`
 */
function bars(ctx, hist, range, X, Y, color) {
  const [lo, hi] = range;
  const w = (hi - lo) / hist.length;
  ctx.fillStyle = color;
  hist.forEach((h, i) => {
    const x0 = X(lo + i * w), x1 = X(lo + (i + 1) * w);
    ctx.fillRect(x0, Y(h), Math.max(1, x1 - x0 - 0.5), Y(0) - Y(h));
  });
}

/**
 * @param {HTMLCanvasElement} canvas
 * @param {{range: [number, number], realHist: number[], fakeHist: number[], targetPdf: number[], discX: number[], discD: number[]}} frame
 */
export function drawDistributions(canvas, frame) {
  const peak = Math.max(...frame.realHist, ...frame.targetPdf, 1e-6);
  const yMax = peak * 1.25;
  const { ctx, X, Y, right, top, bottom } = axes(canvas, { x: frame.range, y: [0, yMax], xLabel: 'x', yLabel: 'density' });
  bars(ctx, frame.realHist, frame.range, X, Y, COLORS.real);
  bars(ctx, frame.fakeHist.map((h) => Math.min(h, yMax)), frame.range, X, Y, COLORS.fake);
  ctx.strokeStyle = COLORS.pdf;
  ctx.lineWidth = 1.5;
  polyline(ctx, frame.discX, frame.targetPdf, X, Y);

  // D(x) on its own 0..1 scale, with the right-hand axis and the ½ line.
  const D = (v) => bottom - v * (bottom - top);
  ctx.setLineDash([4, 3]);
  ctx.strokeStyle = 'rgba(46, 157, 74, 0.5)';
  ctx.lineWidth = 1;
  ctx.beginPath(); ctx.moveTo(X(frame.range[0]), D(0.5)); ctx.lineTo(right, D(0.5)); ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = COLORS.disc;
  ctx.textAlign = 'right'; ctx.textBaseline = 'middle';
  ctx.fillText('D=1', right, D(1) + 6); ctx.fillText('½', right, D(0.5) - 7);
  ctx.strokeStyle = COLORS.disc;
  ctx.lineWidth = 2;
  polyline(ctx, frame.discX, frame.discD, X, D);
}
