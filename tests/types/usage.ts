// Compiled with `tsc --strict --noEmit` by scripts/test.sh: the typings accept
// what the API accepts and refuse what it refuses (each @ts-expect-error must
// be an error, or tsc fails).
import type { GanApi, GanPlaygroundElement, State, State2d, StateFaces, Config1d } from '../../www/gan-playground';

export async function usage(gan: GanApi): Promise<number> {
  await gan.ready;
  const s: State = await gan.configure({ target: { kind: 'gaussian', mean: 4, std: 0.5 }, batch: 64, lrG: 2e-3 });
  await gan.configure({ target: { kind: 'custom', histogram: [1, 2, 3], low: -2, high: 2 } });
  await gan.configure({ backend: 'webgpu' });
  const after = await gan.step(10);
  const xs: number[] | [number, number][] | Uint8ClampedArray[] = await gan.sample(100);
  const bytes: Uint8Array = await gan.exportWeights();
  await gan.importWeights(bytes);
  gan.play();
  gan.pause();
  const config: Config1d = (await gan.reset()).config;
  const w1: number | null = after.metrics.w1;
  // @ts-expect-error: not a config key
  await gan.configure({ wings: 2 });
  // @ts-expect-error: batch is a number
  await gan.configure({ batch: '64' });
  // @ts-expect-error: no such backend
  await gan.configure({ backend: 'cuda' });
  // @ts-expect-error: custom targets need their histogram
  await gan.configure({ target: { kind: 'custom' } });
  // @ts-expect-error: lossD may be null before the first step
  const d: number = s.lossD;
  return xs.length + config.batch + (w1 ?? 0) + d;
}

export function fromWindow(): GanApi | undefined {
  return window.gan;
}

export async function lab(gan: GanApi): Promise<number> {
  const s: State2d = await gan.configure({ loss: 'wgan-gp', dSteps: 5, dataset: { kind: 'grid', sigma: 0.05 } });
  await gan.configure({ dataset: { kind: 'drawn', points: [[0, 1], [1, 0]] } });
  await gan.step(1, 'd');
  await gan.configure({ weights: [1, 1, 1, 1, 1, 5], rolls: 1000 });
  // @ts-expect-error: no such loss
  await gan.configure({ loss: 'wgan' });
  // @ts-expect-error: no such step mode
  await gan.step(1, 'both-ways');
  // @ts-expect-error: a drawn dataset needs its points
  await gan.configure({ dataset: { kind: 'drawn' } });
  return (s.metrics.modesCovered ?? 0) + (s.metrics.highQuality ?? 0);
}

export async function element(): Promise<number> {
  const el: GanPlaygroundElement = document.createElement('gan-playground');
  el.setAttribute('target', 'bimodal');
  document.body.append(el);
  const ready: GanPlaygroundElement = await el.ready;
  let steps = 0;
  el.addEventListener('step', (e) => { steps += e.detail.steps + e.detail.frame.curveX.length; });
  el.addEventListener('backendchange', (e) => { const b: 'webgpu' | 'cpu' = e.detail.backend; void b; });
  el.addEventListener('ready', (e) => { steps += e.detail.step; });
  el.addEventListener('error', (e) => console.warn(e.detail));
  const found = document.querySelector('gan-playground');
  // @ts-expect-error: querySelector may find none
  found.play();
  // @ts-expect-error: a step event's detail has no `loss`
  el.addEventListener('step', (e) => e.detail.loss);
  // @ts-expect-error: playing is read-only
  el.playing = true;
  return steps + (ready.state().step);
}

export async function faces(gan: GanApi): Promise<number> {
  const s: StateFaces = await gan.configure({ lesson: 'faces', dataset: 'procedural', ngf: 16, ndf: 16, resolution: 64, latentDim: 100 });
  const imgs: Uint8ClampedArray[] = await gan.sampleImages(4);
  // @ts-expect-error: 48 is not a resolution the lesson offers
  await gan.configure({ lesson: 'faces', resolution: 48 });
  // @ts-expect-error: no such faces dataset
  await gan.configure({ lesson: 'faces', dataset: 'celeba' });
  return imgs[0].length + (s.metrics.structure ?? 0) + s.uploaded;
}
