// The public JS API (`window.gan`) over one wasm `Playground`: serialises calls,
// runs the play loop (several steps, then one readback, per animation frame),
// and tells listeners about each new frame. It holds no ML logic: every number
// comes from Rust.

/** Time a frame may spend stepping before it reads back and yields, in ms. */
const FRAME_BUDGET_MS = 12;
const MAX_STEPS_PER_CALL = 100000;
/** Largest weight file accepted: far above any 1-D model, far below what would hurt the tab. */
const MAX_WEIGHTS_BYTES = 64 * 1024 * 1024;

/**
 * @param {unknown} data a File, Blob, ArrayBuffer or Uint8Array
 * @returns {Promise<Uint8Array>}
 */
async function toBytes(data) {
  let bytes;
  if (data instanceof Uint8Array) bytes = data;
  else if (data instanceof ArrayBuffer) bytes = new Uint8Array(data);
  else if (data instanceof Blob) {
    if (data.size > MAX_WEIGHTS_BYTES) throw new Error(`importWeights: the file is ${data.size} bytes; the limit is ${MAX_WEIGHTS_BYTES}`);
    bytes = new Uint8Array(await data.arrayBuffer());
  } else throw new Error('importWeights: expects a File, Blob, ArrayBuffer or Uint8Array');
  if (bytes.length > MAX_WEIGHTS_BYTES) throw new Error(`importWeights: the file is ${bytes.length} bytes; the limit is ${MAX_WEIGHTS_BYTES}`);
  return bytes;
}

/** How long slow mode shows each phase, in ms. */
export const SLOW_PHASE_MS = 700;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
const yieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));

export class GanApi extends EventTarget {
  /** @param {any} playground a wasm `Playground` */
  constructor(playground) {
    super();
    this.pg = playground;
    this.playing = false;
    this.slow = false;
    /** @type {null | 'sample' | 'd' | 'g'} the slow mode's current phase */
    this.phase = null;
    /** @type {Promise<unknown>} */
    this.queue = Promise.resolve();
    /** Resolves once the playground is ready; `window.gan` exists only after. */
    this.ready = Promise.resolve(this);
    /**
     * What the step loops need of the config, kept from the last change: reading
     * `state()` each frame would serialise the whole config (a drawn dataset's
     * thousands of points) on the hot path.
     */
    this.live = { lesson: '', stepsPerFrame: 1 };
    this.remember(playground.state());
  }

  /** @param {{config: {lesson: string, stepsPerFrame: number}}} state */
  remember(state) {
    this.live = { lesson: state.config.lesson, stepsPerFrame: state.config.stepsPerFrame };
  }

  /**
   * Runs `job` after every earlier call has finished, so that calls never interleave.
   * @template T @param {() => Promise<T>} job @returns {Promise<T>}
   */
  serial(job) {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => {});
    return run;
  }

  /** @param {any} frame */
  emitFrame(frame, steps = 0, ms = 0) {
    this.dispatchEvent(new CustomEvent('frame', { detail: { frame, steps, ms } }));
  }

  /**
   * Tells listeners about a change Rust has applied (and already read a frame for).
   * @param {object} state the new state @param {boolean} reset whether the model started afresh
   */
  changed(state, reset) {
    this.remember(state);
    this.dispatchEvent(new CustomEvent('configured', { detail: { state, reset } }));
    this.emitFrame(this.pg.lastFrame());
    return state;
  }

  /** @returns {object} plain JSON: { step, backend, adapter, backendReason, lossD, lossG, metrics, config } */
  state() {
    return this.pg.state();
  }

  /**
   * Validates and applies a partial config. Rejects with a message naming the key and its range,
   * leaving the state unchanged.
   * @param {object} patch @returns {Promise<object>} the new state
   */
  configure(patch) {
    return this.serial(async () => {
      const before = this.pg.state();
      const state = await this.pg.configure(patch);
      return this.changed(state, state.step === 0 && before.step !== 0);
    });
  }

  /**
   * Runs n training steps, reading back between chunks so the page stays live.
   * In the 2-D lab, `mode` "d" or "g" updates only D or only G ("both" by default).
   * @param {number} n @param {'both' | 'd' | 'g'} [mode] @returns {Promise<object>} the new state
   */
  step(n = 1, mode = undefined) {
    return this.serial(async () => {
      if (!(Number.isInteger(n) && n >= 1 && n <= MAX_STEPS_PER_CALL)) {
        throw new Error(`step: n must be an integer in 1..=${MAX_STEPS_PER_CALL}; got ${String(n).slice(0, 40)}`);
      }
      if (mode !== undefined && this.live.lesson !== '2d') {
        throw new Error('step: a mode ("d" or "g") is for the 2-D lab, whose D and G can be stepped apart');
      }
      let left = n;
      while (left > 0) {
        const chunk = Math.min(left, this.live.stepsPerFrame);
        const t0 = performance.now();
        this.pg.step(chunk, mode);
        this.emitFrame(await this.pg.frame(), chunk, performance.now() - t0);
        left -= chunk;
        if (left > 0) await yieldToPage();
      }
      return this.pg.state();
    });
  }

  /** @param {number} n @returns {Promise<number[]>} n values of x = G(z) */
  sample(n) {
    return this.serial(() => this.pg.sample(n));
  }

  /**
   * Slow mode (the 2-D lab): the play loop runs one iteration at a time in three
   * phases, each shown for SLOW_PHASE_MS: sampling, D's update, G's update.
   * Fires `phase` with `{ phase: "sample" | "d" | "g" | null }`.
   * @param {boolean} on
   */
  setSlow(on) {
    this.slow = Boolean(on);
    if (!this.slow) this.setPhase(null);
  }

  /** @param {null | 'sample' | 'd' | 'g'} phase */
  setPhase(phase) {
    this.phase = phase;
    this.dispatchEvent(new CustomEvent('phase', { detail: { phase } }));
  }

  play() {
    if (this.playing) return;
    this.playing = true;
    this.dispatchEvent(new Event('play'));
    this.loop();
  }

  pause() {
    if (!this.playing) return;
    this.playing = false;
    if (this.phase !== null) this.setPhase(null);
    this.dispatchEvent(new Event('pause'));
  }

  /** G, D and the config as a safetensors file. @returns {Promise<Uint8Array>} */
  exportWeights() {
    return this.serial(() => this.pg.exportWeights());
  }

  /**
   * Loads a weight file exported by `exportWeights` (G, D, config, step). A bad
   * file rejects with the reason and leaves the model as it was.
   * @param {File | Blob | ArrayBuffer | Uint8Array} data @returns {Promise<object>} the new state
   */
  importWeights(data) {
    return this.serial(async () => {
      return this.changed(await this.pg.importWeights(await toBytes(data)), true);
    });
  }

  /** A fresh model from the current config and seed. @returns {Promise<object>} */
  reset() {
    return this.serial(async () => {
      return this.changed(await this.pg.reset(), true);
    });
  }

  /** One slow iteration: show the sample, then D's update, then G's, each for a while. */
  async slowIteration() {
    for (const phase of /** @type {const} */ (['sample', 'd', 'g'])) {
      if (!this.playing || !this.slow) return;
      await this.serial(async () => {
        if (phase !== 'sample') {
          const t0 = performance.now();
          this.pg.step(1, phase);
          this.emitFrame(await this.pg.frame(), 1, performance.now() - t0);
        }
        this.setPhase(phase);
      });
      await sleep(SLOW_PHASE_MS);
    }
  }

  async loop() {
    while (this.playing) {
      if (this.slow) {
        try {
          await this.slowIteration();
        } catch (e) {
          this.pause();
          this.dispatchEvent(new CustomEvent('error', { detail: e }));
        }
        continue;
      }
      try {
        await this.serial(async () => {
          if (!this.playing) return;
          const max = this.live.stepsPerFrame;
          const t0 = performance.now();
          let steps = 0;
          do {
            this.pg.step(1);
            steps++;
          } while (steps < max && performance.now() - t0 < FRAME_BUDGET_MS);
          this.emitFrame(await this.pg.frame(), steps, performance.now() - t0);
        });
      } catch (e) {
        this.pause();
        this.dispatchEvent(new CustomEvent('error', { detail: e }));
      }
      await nextFrame();
    }
  }
}
