// The latent panel: the density of z ~ N(0, 1) that G maps from.
import { axes, polyline, COLORS } from './axes.js';

/**
 * @param {HTMLCanvasElement} canvas
 * @param {{curveZ: number[], latentPdf: number[]}} frame
 */
export function drawLatent(canvas, frame) {
  const z = frame.curveZ;
  const { ctx, X, Y, bottom } = axes(canvas, { x: [z[0], z[z.length - 1]], y: [0, 0.45], xLabel: 'z', yLabel: 'p(z)' });
  ctx.fillStyle = 'rgba(91, 75, 183, 0.18)';
  ctx.beginPath();
  ctx.moveTo(X(z[0]), bottom);
  z.forEach((v, i) => ctx.lineTo(X(v), Y(frame.latentPdf[i])));
  ctx.lineTo(X(z[z.length - 1]), bottom);
  ctx.fill();
  ctx.strokeStyle = COLORS.latent;
  ctx.lineWidth = 2;
  polyline(ctx, z, frame.latentPdf, X, Y);
}
