// Types of the public JS API: `window.gan` on the page (`www/api.js`, `GanApi`).
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

export interface GanApi extends EventTarget {
  readonly ready: Promise<GanApi>;
  state(): State;
  /** Rejects, changing nothing, on an unknown key, a wrong type or an out-of-range value. */
  configure(patch: Partial<Config1d>): Promise<State>;
  /** 1 ≤ n ≤ 100 000 */
  step(n?: number): Promise<State>;
  sample(n: number): Promise<number[]>;
  play(): void;
  pause(): void;
  reset(): Promise<State>;
  /** G, D, the config and the step as safetensors. */
  exportWeights(): Promise<Uint8Array>;
  importWeights(data: File | Blob | ArrayBuffer | Uint8Array): Promise<State>;
}

declare global {
  interface Window {
    /** Exists only once the playground is ready. */
    gan?: GanApi;
  }
}
