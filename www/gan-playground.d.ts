// Types of the public JS API: the `<gan-playground>` element (www/element.js),
// which is also `window.gan` on the playground page.
// Rust owns the schema (crate/src/config/); these types mirror it, and
// `tests/types/usage.ts` checks them with `tsc --strict` in the test run.

export type Backend = 'auto' | 'cpu' | 'webgpu';

/** A 1-D target P_data. Omitted fields take the kind's defaults. */
export type Target1d =
  | { kind: 'gaussian'; mean?: number; std?: number }
  | { kind: 'bimodal'; mean1?: number; mean2?: number; std?: number; weight?: number }
  | { kind: 'uniform'; low?: number; high?: number }
  | { kind: 'exponential'; rate?: number }
  | { kind: 'mixture3' }
  | { kind: 'custom'; histogram: number[]; low?: number; high?: number };

/** The full config, as `state().config` shows it (every field present). */
export interface Config1d {
  lesson: '1d';
  backend: Backend;
  target: Target1d;
  /** 1..=4096 */
  batch: number;
  /** 1e-6..=1 */
  lrG: number;
  /** 1e-6..=1 */
  lrD: number;
  /** 0..=0.999 */
  beta1: number;
  /** 1..=16 */
  latentDim: number;
  /** 1..=256 */
  hidden: number;
  /** 1..=6 */
  layers: number;
  /** 0..=2^53 − 1 */
  seed: number;
  /** 1..=500 */
  stepsPerFrame: number;
}

export interface State {
  step: number;
  backend: 'webgpu' | 'cpu';
  adapter: string | null;
  backendReason: string | null;
  /** null before the first step */
  lossD: number | null;
  lossG: number | null;
  metrics: { w1: number | null; js: number | null };
  config: Config1d;
}

/** One frame of the 1-D lesson: everything the plots draw, read back from the model at once. */
export interface Frame1d {
  step: number;
  lossD: number | null;
  lossG: number | null;
  metrics: { w1: number | null; js: number | null };
  /** The x interval of the histograms and of D's curve. */
  range: [number, number];
  /** Densities per bin of the real and the generated evaluation samples. */
  realHist: number[];
  fakeHist: number[];
  /** P_data's density at `discX`. */
  targetPdf: number[];
  /** G's mapping along the first latent coordinate: x = G(z, 0, …, 0). */
  curveZ: number[];
  curveX: number[];
  /** N(0, 1) density at `curveZ`. */
  latentPdf: number[];
  /** D(x) on a grid over `range`. */
  discX: number[];
  discD: number[];
}

/** The 2-D lab's datasets. Omitted fields take their defaults. */
export type Dataset2d =
  | { kind: 'ring'; radius?: number; sigma?: number }
  | { kind: 'grid'; sigma?: number }
  | { kind: 'spiral'; noise?: number }
  | { kind: 'moons'; noise?: number }
  | { kind: 'drawn'; points: [number, number][]; sigma?: number };

export type Loss2d = 'minimax' | 'nonsaturating' | 'lsgan' | 'hinge' | 'wgan-clip' | 'wgan-gp';

/** The 2-D lab's full config, as `state().config` shows it. */
export interface Config2d {
  lesson: '2d';
  backend: Backend;
  dataset: Dataset2d;
  latent: 'gaussian' | 'uniform';
  /** 1..=16 */
  latentDim: number;
  loss: Loss2d;
  optimizerG: 'adam' | 'sgd';
  optimizerD: 'adam' | 'sgd';
  lrG: number;
  lrD: number;
  beta1: number;
  /** 1..=10 */
  dSteps: number;
  /** 1..=10 */
  gSteps: number;
  hidden: number;
  layers: number;
  batch: number;
  seed: number;
  stepsPerFrame: number;
  /** WGAN-clip's c, 0.001..=1 */
  clip: number;
  /** WGAN-GP's λ, 0..=100 */
  gpWeight: number;
}

export interface Metrics2d {
  /** VEEGAN (mixtures only, else null) */
  modesCovered: number | null;
  modesTotal: number | null;
  /** The fraction of samples within 3σ of their nearest mode. */
  highQuality: number | null;
  /** JS divergence in nats on a 30 × 30 grid. */
  js: number | null;
}

export interface State2d extends Omit<State, 'config' | 'metrics'> {
  metrics: Metrics2d;
  config: Config2d;
}

/** The dice lesson's config. */
export interface ConfigDice {
  lesson: 'dice';
  /** Six face weights, 0..=1000 each, not all 0. */
  weights: [number, number, number, number, number, number];
  /** N, 1..=100 000 */
  rolls: number;
  seed: number;
  stepsPerFrame: number;
}

export interface StateDice extends Omit<State, 'config' | 'metrics'> {
  metrics: { tv: number };
  probs: number[];
  counts: number[];
  tvCurve: [number, number][];
  config: ConfigDice;
}

/** The faces lesson's config. */
export interface ConfigFaces {
  lesson: 'faces';
  backend: 'auto' | 'cpu' | 'webgpu';
  /** What D sees as real: procedural faces, or the images loaded through the dataset panel. */
  dataset: 'procedural' | 'uploaded';
  resolution: 32 | 64;
  /** G's and D's widths, 4..=64. */
  ngf: number;
  ndf: number;
  /** 2..=256 */
  latentDim: number;
  /** 1..=256 */
  batch: number;
  lr: number;
  loss: 'hinge' | 'nonsaturating' | 'minimax' | 'lsgan';
  seed: number;
  /** 1..=100 */
  stepsPerFrame: number;
  /** Redraw the grid (and score it) every this many steps, 1..=1000. */
  refreshEvery: number;
  /** Start from the shipped pretrained generator when the shape matches. */
  pretrained: boolean;
}

export interface StateFaces extends Omit<State, 'config' | 'metrics'> {
  /** The Fréchet distance between the structure regressor's readings of G's 64 grid faces and of real faces. */
  metrics: { structure: number | null };
  config: ConfigFaces;
  pretrained: { used: boolean; step: number | null; note: string | null };
  /** How many of your images are loaded. */
  uploaded: number;
  /** Set when a saved config or a link asked for your images, which are never kept: the procedural faces train instead. */
  datasetNote: string | null;
  resolution: 32 | 64;
  /** The latent sliders' names. */
  sliders: string[];
}

/** The names `controls=`, `hide=` and a link's `_hide` accept. */
export type ControlName =
  | 'play' | 'pause' | 'step' | 'reset' | 'resetAll' | 'message' | 'share' | 'seed'
  | 'batch' | 'lrG' | 'lrD' | 'beta1' | 'stepsPerFrame' | 'latentDim' | 'hidden' | 'layers' | 'backend'
  | 'target' | 'weights'
  | 'stepD' | 'stepG' | 'slow' | 'presets' | 'dataset' | 'loss' | 'clip' | 'gpWeight' | 'optimizerG' | 'optimizerD'
  | 'dSteps' | 'gSteps' | 'latent' | 'view'
  | 'reroll' | 'die' | 'rolls' | 'compare'
  | 'pretrained' | 'upload' | 'walk' | 'sliders' | 'lr' | 'refreshEvery' | 'resolution' | 'ngf' | 'ndf';
/** The names `panels=` accepts. */
export type PanelName = 'latent' | 'mapping' | 'distributions' | 'losses' | 'lab' | 'dice' | 'tv' | 'compare'
  | 'faces' | 'dataset' | 'timeline' | 'walk' | 'sliders';

/** The events a `<gan-playground>` fires (all `CustomEvent`s, none bubbles). */
export interface GanPlaygroundEvents {
  /** The playground is ready; `detail` is its first state. */
  ready: CustomEvent<State>;
  /** Training advanced: once per frame, with the steps that frame ran. */
  step: CustomEvent<{ step: number; steps: number; ms: number; frame: Frame1d }>;
  /** Something the widget showed as an error: a bad attribute, a failed control action, a failed start. */
  error: CustomEvent<unknown>;
  /** The backend or the adapter changed (and once at start). */
  backendchange: CustomEvent<{ backend: 'webgpu' | 'cpu'; adapter: string | null; reason: string | null }>;
  /** Every new frame, stepped or not (a configure or a reset draws one too). */
  frame: CustomEvent<{ frame: Frame1d; steps: number; ms: number }>;
  /** A configure, reset or import applied; `reset`: the model started afresh. */
  configured: CustomEvent<{ state: State; reset: boolean }>;
  play: CustomEvent<undefined>;
  pause: CustomEvent<undefined>;
  /** The dice lesson's discriminative-vs-generative pair drew a frame. */
  compare: CustomEvent<{ step: number; accuracy: number; js: number | null }>;
  /** Slow mode's phase in the 2-D lab (null when it stops). */
  phase: CustomEvent<{ phase: 'sample' | 'd' | 'g' | null }>;
  /** The faces lesson read your images: how many loaded, and one message per file that did not. */
  upload: CustomEvent<{ loaded: number; errors: string[] }>;
}

/** The calls of the playground: the element's own methods, and `window.gan` on the page. */
export interface GanApi {
  /** Resolves to the element once its playground is ready; rejects if it cannot start. */
  readonly ready: Promise<GanPlaygroundElement>;
  /** Whether the play loop runs. */
  readonly playing: boolean;
  /** Throws before `ready`. The shape follows the widget's lesson. */
  state(): State;
  /** Rejects, changing nothing, on an unknown key, a wrong type or an out-of-range value. */
  configure(patch: Partial<Config1d>): Promise<State>;
  configure(patch: Partial<Config2d>): Promise<State2d>;
  configure(patch: Partial<ConfigDice>): Promise<StateDice>;
  configure(patch: Partial<ConfigFaces>): Promise<StateFaces>;
  /** 1 ≤ n ≤ 100 000; `mode` (2-D lab only): "d" or "g" steps one network. */
  step(n?: number, mode?: 'both' | 'd' | 'g'): Promise<State>;
  /** Numbers (1-D), [x, y] pairs (2-D) or faces 1..6 (dice). */
  sample(n: number): Promise<number[] | [number, number][] | Uint8ClampedArray[]>;
  /** The faces lesson: n faces of G on fresh latents, RGBA at the model's resolution (64×64×4 bytes by default); 1 ≤ n ≤ 1024. */
  sampleImages(n: number): Promise<Uint8ClampedArray[]>;
  /** Before `ready`: plays once ready. */
  play(): void;
  pause(): void;
  reset(): Promise<State>;
  /** G, D, the config and the step as safetensors. */
  exportWeights(): Promise<Uint8Array>;
  importWeights(data: File | Blob | ArrayBuffer | Uint8Array): Promise<State>;
}

/**
 * `<gan-playground>`: load `gan-playground.js` (a module at the bundle's root), then use the tag.
 * Attributes: `lesson` and every config key (case-insensitive; `target="bimodal"` is short for
 * `target='{"kind":"bimodal"}'`), `controls` / `hide` (ControlName lists), `panels` (PanelName
 * list), `compact`, `autoplay`, `height` (px or a CSS length), `sync-url`, `autosave`.
 */
export interface GanPlaygroundElement extends HTMLElement, GanApi {
  addEventListener<K extends keyof GanPlaygroundEvents>(
    type: K, listener: (this: GanPlaygroundElement, ev: GanPlaygroundEvents[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof GanPlaygroundEvents>(
    type: K, listener: (this: GanPlaygroundElement, ev: GanPlaygroundEvents[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'gan-playground': GanPlaygroundElement;
  }
  interface Window {
    /** The page's `<gan-playground>`; exists only once it is ready. */
    gan?: GanPlaygroundElement;
  }
}
