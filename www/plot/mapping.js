// The mapping panel: x = G(z) as a curve, z across, x up, on the target's x range.
import { axes, polyline, COLORS } from './axes.js';

/**
 * @param {HTMLCanvasElement} canvas
 * @param {{curveZ: number[], curveX: number[], range: [number, number]}} frame
 */
export function drawMapping(canvas, frame) {
  const z = frame.curveZ;
  const { ctx, X, Y } = axes(canvas, { x: [z[0], z[z.length - 1]], y: frame.range, xLabel: 'z', yLabel: 'x = G(z)' });
  const [lo, hi] = frame.range;
  // Clip to the plot so that a wild early G does not paint over the axes.
  ctx.save();
  ctx.beginPath();
  ctx.rect(X(z[0]), Y(hi), X(z[z.length - 1]) - X(z[0]), Y(lo) - Y(hi));
  ctx.clip();
  ctx.strokeStyle = COLORS.fake.replace('0.55', '1');
  ctx.lineWidth = 2.5;
  polyline(ctx, z, frame.curveX, X, Y);
  ctx.restore();
}
