// <gan-playground>: the whole playground as a custom element in its own shadow
// root. Every element on a page shares one wasm module (loaded the first time
// one needs it) and one GPU device (Rust keeps it), and has its own model,
// state, controls and play loop. The element is the JS API: `el.configure()`,
// `el.step()`, ... delegate to its `GanApi`, and its events come out of the element.
//
// Attributes: `lesson` and every config key (case-insensitive: `latentDim` or
// `latentdim`), read once at start and applied as `configure` when they change;
// `controls` or `hide` (control names); `panels` (which plots show); `compact`
// (no prose captions, for slides); `autoplay`; `height` (a CSS length, or px);
// `sync-url` (config in the page's URL hash, `?backend=` honoured); `autosave`
// (the model in localStorage, under the attribute's value or `gan-playground:<lesson>`).
import { GanApi } from './api.js';
import { mountUi1d } from './ui1d.js';
import { mountUi2d } from './ui2d.js';
import { mountUiDice } from './uidice.js';
import { mountUiFaces } from './uifaces.js';
import { BAR, LESSON_1D, LESSON_2D, LESSON_DICE, LESSON_FACES } from './template.js';
import { parseHash, decodeValue, CONTROL_NAMES } from './share.js';
import { loadSaved, restore, startAutosave } from './autosave.js';

/** The attributes the element reads itself; any other non-global one must name a config key. */
const OWN_ATTRIBUTES = ['controls', 'hide', 'panels', 'compact', 'autoplay', 'height', 'sync-url', 'autosave'];
/** The plots the `panels` attribute chooses among (each a `data-panel` in www/template.js). */
export const PANEL_NAMES = ['latent', 'mapping', 'distributions', 'losses', 'lab', 'dice', 'tv', 'compare', 'faces', 'dataset', 'timeline', 'walk', 'sliders'];
/** HTML's global attributes (and data-, aria-, on...): never config. */
const GLOBAL_ATTRIBUTE = /^(id|class|style|slot|part|exportparts|title|lang|dir|hidden|tabindex|role|inert|draggable|translate|autofocus|nonce|popover|is|accesskey|contenteditable|enterkeyhint|inputmode|spellcheck|autocapitalize|itemscope|itemprop|itemtype|itemid|itemref|data-.*|aria-.*|on.*)$/;
const HEIGHT = /^(\d{1,5}(?:\.\d+)?)(px|em|rem|vh|svh|dvh|lh|%)?$/;
const clip = (s) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** @type {null | (() => Promise<any>)} */
let loadBindings = null;
/** @type {null | Promise<any>} the wasm-bindgen exports, shared by every element */
let bindings = null;
function wasm() {
  if (!loadBindings) return Promise.reject(new Error('gan-playground: load it through gan-playground.js'));
  bindings ??= loadBindings().catch((e) => {
    bindings = null; // a later element may try again (say, after the network came back)
    throw e;
  });
  return bindings;
}

/**
 * Registers <gan-playground>. Called by gan-playground.js with the function that
 * initialises the wasm module; a second call (the script included twice) is a no-op.
 * @param {() => Promise<any>} load
 */
export function defineGanPlayground(load) {
  loadBindings ??= load;
  if (!customElements.get('gan-playground')) customElements.define('gan-playground', GanPlaygroundElement);
}

/** The shipped pretrained faces generator, fetched once per page (null if it cannot be had). */
let pretrained = null;
function pretrainedFaces() {
  pretrained ??= fetch(new URL('./assets/faces-generator.safetensors', import.meta.url))
    .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((b) => new Uint8Array(b))
    .catch((e) => {
      console.warn(`gan-playground: the pretrained faces generator could not be loaded (${e?.message ?? e}); faces start from scratch`);
      pretrained = null; // a later lesson may try again
      return null;
    });
  return pretrained;
}

/** Each lesson: its title, its markup, its wasm class and its UI. */
const LESSONS = {
  '1d': {
    title: '1-D lesson · Deterministic Transformation by Network',
    body: LESSON_1D,
    create: (b) => b.Playground,
    mount: (root, api, options) => mountUi1d(root, api, options),
  },
  '2d': {
    title: '2-D lab · P_model approximates P_data',
    body: LESSON_2D,
    create: (b) => b.Lab2d,
    mount: (root, api, options, b) => mountUi2d(root, api, options, b.presets2d()),
  },
  faces: {
    title: 'Faces · a 64×64×3 image as a random variable',
    body: LESSON_FACES,
    // The wasm class takes the pretrained generator's bytes beside the config.
    create: (b) => ({ create: async (config) => b.FacesLesson.create(config, await pretrainedFaces()) }),
    mount: (root, api, options) => mountUiFaces(root, api, options),
  },
  dice: {
    title: 'Lesson 0 · a probability distribution',
    body: LESSON_DICE,
    create: (b) => b.DiceLesson,
    mount: (root, api, options, b) => mountUiDice(root, api, options, b.Compare),
  },
};

/** The keys whose value is an object with a `kind`: a bare word in the attribute is the kind. */
const KIND_KEYS = ['target', 'dataset'];

/**
 * An attribute's text as configure expects it: JSON for numbers, booleans,
 * objects and arrays, the text otherwise; `target="bimodal"` is short for
 * `target='{"kind":"bimodal"}'` (and `dataset="grid"` likewise). Rust validates the result.
 */
function attributeValue(key, text) {
  const value = decodeValue(text.trim());
  return KIND_KEYS.includes(key) && typeof value === 'string' ? { kind: value } : value;
}

export class GanPlaygroundElement extends HTMLElement {
  /** @type {GanApi | null} */ #api = null;
  #started = false;
  #resumeOnConnect = false;
  #playWhenReady = false;
  /** @type {Promise<GanPlaygroundElement>} */ #ready;
  #settle = { resolve: (_) => {}, reject: (_) => {} };
  /** @type {Map<string, string>} lower-case attribute name → config key */
  #keys = new Map();
  /** @type {null | {showError: (e: unknown) => void, clearError: () => void, apply: (p: object) => Promise<void>, setHidden: (n: string[]) => void, refresh: () => void, destroy: () => void}} */
  #ui = null;
  /** @type {any} the wasm-bindgen exports */ #b = null;
  /** @type {{hide: string[], syncUrl: boolean}} */ #options = { hide: [], syncUrl: false };
  #backend = '';

  constructor() {
    super();
    this.#ready = new Promise((resolve, reject) => { this.#settle = { resolve, reject }; });
    this.#ready.catch(() => {}); // a failed start is shown and fired as `error`; awaiting is optional
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = BAR; // the lesson's body follows once its lesson is known
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = new URL('./widget.css', import.meta.url).href;
    root.prepend(css);
  }

  /** Resolves to the element once its playground is ready; rejects if it cannot start. */
  get ready() { return this.#ready; }

  /** Whether the play loop runs. */
  get playing() { return this.#api?.playing ?? this.#playWhenReady; }

  connectedCallback() {
    this.#applyHeight();
    if (!this.#started) {
      this.#started = true;
      this.#start().catch((e) => this.#failed(e));
    } else if (this.#resumeOnConnect) {
      this.#resumeOnConnect = false;
      this.#api?.play();
    }
  }

  disconnectedCallback() {
    // Off the page, nothing trains; moving the element keeps its model and resumes.
    this.#resumeOnConnect = this.playing;
    this.#api?.pause();
  }

  // ----- the API: each call waits for `ready`, then goes through the GanApi's queue -----

  /** @returns {object} the plain-JSON state; throws before `ready` */
  state() { return this.#need('state').state(); }
  /**
   * Validates and applies a partial config. A `lesson` other than the current
   * one switches the widget to that lesson (a fresh model from `patch`).
   * @param {object} patch
   */
  configure(patch) {
    return this.#ready.then(() => {
      const api = this.#need('configure');
      const lesson = patch && typeof patch === 'object' ? /** @type {any} */ (patch).lesson : undefined;
      if (lesson === undefined || lesson === api.state().config.lesson) return api.configure(patch);
      return api.serial(() => this.#switchLesson(/** @type {any} */ (patch)));
    });
  }
  /** @param {number} [n] @param {'both' | 'd' | 'g'} [mode] D only or G only, in the 2-D lab */
  step(n = 1, mode = undefined) { return this.#ready.then(() => this.#need('step').step(n, mode)); }
  /** @param {number} n */
  sample(n) { return this.#ready.then(() => this.#need('sample').sample(n)); }
  /**
   * The faces lesson: resolves to n faces of G on fresh latents, each a
   * Uint8ClampedArray of RGBA pixels at the model's resolution (64×64 by default).
   * @param {number} n
   */
  sampleImages(n) {
    return this.#ready.then(() => {
      const api = this.#need('sampleImages');
      if (api.live.lesson !== 'faces') throw new Error('sampleImages: the faces lesson draws images; configure({ lesson: "faces" }) first');
      return api.sample(n);
    });
  }
  reset() { return this.#ready.then(() => this.#need('reset').reset()); }
  exportWeights() { return this.#ready.then(() => this.#need('exportWeights').exportWeights()); }
  /** @param {File | Blob | ArrayBuffer | Uint8Array} data */
  importWeights(data) { return this.#ready.then(() => this.#need('importWeights').importWeights(data)); }
  play() {
    if (this.#api) this.#api.play();
    else this.#playWhenReady = true;
  }
  pause() {
    if (this.#api) this.#api.pause();
    else this.#playWhenReady = false;
  }

  /** @param {string} what */
  #need(what) {
    if (!this.#api) throw new Error(`gan-playground: ${what}() before the element is ready; await el.ready first`);
    return this.#api;
  }

  // ----- start-up -----

  async #start() {
    const b = await wasm();
    for (const key of b.configKeys()) this.#keys.set(key.toLowerCase(), key);
    const notices = [];
    const { patch, problems } = this.#attributePatch();
    notices.push(...problems);
    const hide = this.#hiddenControls(notices);
    const syncUrl = this.hasAttribute('sync-url');

    let { config, notices: bad } = b.sanitizeConfig(patch);
    notices.push(...bad.map((m) => `Ignored the attribute: ${m}`));
    const defaults = config; // what "Reset everything" returns to
    const autosaveKey = this.#autosaveKey(config.lesson);
    // A bare URL comes back as it was left; a link's hash says what to show instead.
    const saved = autosaveKey && !(syncUrl && location.hash.length > 1) ? loadSaved(autosaveKey) : null;
    if (saved) {
      ({ config, notices: bad } = b.sanitizeConfig(saved.config));
      notices.push(...bad.map((m) => `Ignored from the saved settings: ${m}`));
    } else if (syncUrl) {
      const link = parseHash(location.hash);
      notices.push(...link.notices);
      for (const name of link.hide) if (!hide.includes(name)) hide.push(name);
      // A link to another lesson is that lesson's config alone.
      const sameLesson = link.patch.lesson === undefined || link.patch.lesson === config.lesson;
      ({ config, notices: bad } = b.sanitizeConfig(sameLesson ? { ...config, ...link.patch } : link.patch));
      notices.push(...bad.map((m) => `Ignored from the link: ${m}`));
    }

    const lesson = LESSONS[config.lesson] ?? LESSONS['1d'];
    const api = new GanApi(await this.#create(b, lesson.create(b), config, syncUrl, notices));
    if (saved) {
      const problem = await restore(api, saved, autosaveKey);
      if (problem) notices.push(problem);
    }
    this.#b = b;
    this.#options = { hide, syncUrl };
    this.#mount(lesson, api, notices, defaults, autosaveKey);
    this.#applyPanels(notices);
    new MutationObserver((records) => this.#attributesChanged(records)).observe(this, { attributes: true });
    this.#settle.resolve(this);
    const state = api.state();
    this.dispatchEvent(new CustomEvent('ready', { detail: state }));
    this.#noteBackend(state);
    if (this.#playWhenReady || this.hasAttribute('autoplay')) api.play();
  }

  /** The autosave key for a lesson: the attribute's value, or one per lesson. */
  #autosaveKey(lesson) {
    if (!this.hasAttribute('autosave')) return null;
    return this.getAttribute('autosave') || `gan-playground:${lesson}`;
  }

  /** Stamps the lesson's body into the shadow root and wires its UI to `api`. */
  #mount(lesson, api, notices, defaults, autosaveKey) {
    const root = /** @type {ShadowRoot} */ (this.shadowRoot);
    if (autosaveKey) startAutosave(api, autosaveKey, (message) => console.warn(message));
    this.#api = api;
    this.#forwardEvents(api);
    /** @type {HTMLElement} */ (root.getElementById('title')).textContent = lesson.title;
    const body = document.createElement('div');
    body.className = 'lesson-body';
    body.innerHTML = lesson.body;
    root.getElementById('error')?.after(body);
    this.#ui = lesson.mount(root, api, {
      notices, hide: [...this.#options.hide], defaults, syncUrl: this.#options.syncUrl, autosaveKey,
      sanitize: this.#b.sanitizeConfig,
      onError: (e) => this.dispatchEvent(new CustomEvent('error', { detail: e })),
    }, this.#b);
  }

  /**
   * Switches to `patch.lesson`: creates its model from `patch` (strictly: a bad
   * patch rejects and the current lesson stays), then replaces the body and UI.
   * @param {{lesson: string}} patch
   */
  async #switchLesson(patch) {
    const lesson = LESSONS[/** @type {keyof typeof LESSONS} */ (patch.lesson)];
    if (!lesson) {
      throw new Error(`\`lesson\` must be one of ${Object.keys(LESSONS).map((k) => `"${k}"`).join(', ')}; got ${clip(JSON.stringify(patch.lesson) ?? 'undefined')}`);
    }
    const old = /** @type {GanApi} */ (this.#api);
    const before = old.state().config;
    // Keep the backend choice across lessons that have one, unless the patch says.
    const carry = patch.lesson !== 'dice' && before.backend !== undefined && !('backend' in patch) ? { backend: before.backend } : {};
    const pg = await lesson.create(this.#b).create({ ...carry, ...patch });
    old.pause();
    this.#ui?.destroy();
    /** @type {ShadowRoot} */ (this.shadowRoot).querySelector('.lesson-body')?.remove();
    const api = new GanApi(pg);
    const defaults = this.#b.sanitizeConfig({ lesson: patch.lesson }).config;
    this.#mount(lesson, api, [], defaults, this.#autosaveKey(patch.lesson));
    this.#applyPanels([]);
    const state = api.state();
    api.dispatchEvent(new CustomEvent('configured', { detail: { state, reset: true } }));
    this.#noteBackend(state);
    return state;
  }

  /** Creates the lesson's wasm object; with sync-url, `?backend=` on top (a bad one is a notice). */
  async #create(b, cls, config, syncUrl, notices) {
    const backend = syncUrl && config.lesson !== 'dice' ? new URLSearchParams(location.search).get('backend') : null;
    if (backend === null) return cls.create(config);
    try {
      return await cls.create({ ...config, backend });
    } catch (e) {
      notices.push(`Ignored ?backend=${clip(backend)}: ${e?.message ?? e}`);
      return cls.create(config);
    }
  }

  #failed(e) {
    const root = /** @type {ShadowRoot} */ (this.shadowRoot);
    const box = /** @type {HTMLElement} */ (root.getElementById('error'));
    box.textContent = `The playground could not start: ${e?.message ?? e}`;
    box.hidden = false;
    const badge = /** @type {HTMLElement} */ (root.getElementById('backend-badge'));
    badge.dataset.kind = 'error';
    badge.textContent = 'not running';
    this.#settle.reject(e);
    this.dispatchEvent(new CustomEvent('error', { detail: e }));
    console.error(e);
  }

  // ----- attributes -----

  /** @param {string} name lower-case @returns {string | null} the config key it names */
  #configKey(name) {
    if (OWN_ATTRIBUTES.includes(name) || GLOBAL_ATTRIBUTE.test(name)) return null;
    return this.#keys.get(name) ?? name;
  }

  /** The config the attributes ask for, and a notice per attribute that names no key. */
  #attributePatch() {
    const patch = {};
    const problems = [];
    for (const { name, value } of this.attributes) {
      const key = this.#configKey(name);
      if (key === null) continue;
      if (this.#keys.has(name)) patch[key] = attributeValue(key, value);
      else problems.push(`Ignored the attribute \`${clip(name)}\`: not a config key (${[...this.#keys.values()].join(', ')}).`);
    }
    return { patch, problems };
  }

  /** The control names that `controls` (the ones to show) and `hide` leave hidden. */
  #hiddenControls(notices) {
    const list = (attr) => {
      const names = (this.getAttribute(attr) ?? '').split(/[\s,]+/).filter(Boolean);
      for (const n of names) {
        if (!CONTROL_NAMES.includes(n)) notices.push(`Ignored \`${attr}="${clip(n)}"\`: no such control (${CONTROL_NAMES.join(', ')}).`);
      }
      return names.filter((n) => CONTROL_NAMES.includes(n));
    };
    const hide = new Set(list('hide'));
    if (this.hasAttribute('controls')) {
      const shown = new Set(list('controls'));
      if (shown.has('play')) shown.add('pause'); // a play button needs its pause
      for (const n of CONTROL_NAMES) if (!shown.has(n)) hide.add(n);
    }
    return [...hide];
  }

  /** Shows the plots `panels` names (all without it); an unknown name is a notice. */
  #applyPanels(notices) {
    const text = this.getAttribute('panels');
    const names = text === null ? PANEL_NAMES : text.split(/[\s,]+/).filter(Boolean);
    for (const n of names) {
      if (!PANEL_NAMES.includes(n)) notices.push(`Ignored \`panels="${clip(n)}"\`: no such panel (${PANEL_NAMES.join(', ')}).`);
    }
    for (const fig of /** @type {ShadowRoot} */ (this.shadowRoot).querySelectorAll('[data-panel]')) {
      /** @type {HTMLElement} */ (fig).hidden = !names.includes(/** @type {HTMLElement} */ (fig).dataset.panel ?? '');
    }
  }

  #applyHeight() {
    const text = this.getAttribute('height');
    if (text === null) { this.style.removeProperty('height'); return; }
    const m = HEIGHT.exec(text.trim());
    if (m) this.style.height = `${m[1]}${m[2] ?? 'px'}`;
    else this.#ui?.showError(new Error(`Ignored \`height="${clip(text)}"\`: a length such as 480, 480px, 60vh or 30em`));
  }

  /** @param {MutationRecord[]} records */
  #attributesChanged(records) {
    const patch = {};
    const unknown = [];
    let controls = false;
    for (const name of new Set(records.map((r) => /** @type {string} */ (r.attributeName)))) {
      if (name === 'height') this.#applyHeight();
      else if (name === 'controls' || name === 'hide' || name === 'panels') controls = true;
      else if (name === 'compact') this.#ui?.refresh();
      else if (name === 'autoplay') { if (this.hasAttribute('autoplay')) this.play(); }
      else {
        const key = this.#configKey(name);
        const value = this.getAttribute(name);
        if (key === null || value === null) continue;
        if (this.#keys.has(name)) patch[key] = attributeValue(key, value);
        else unknown.push(name);
      }
    }
    if (controls) {
      const notices = [];
      this.#options.hide = this.#hiddenControls(notices); // a later lesson switch keeps them
      this.#ui?.setHidden(this.#options.hide);
      this.#applyPanels(notices);
      if (notices.length) this.#ui?.showError(new Error(notices.join(' ')));
    }
    if (unknown.length) {
      this.#ui?.showError(new Error(`Ignored the attribute \`${clip(unknown[0])}\`: not a config key (${[...this.#keys.values()].join(', ')}).`));
    }
    if (Object.keys(patch).length) {
      this.configure(patch).then(() => this.#ui?.clearError(), (e) => { this.#ui?.showError(e); this.#ui?.refresh(); });
    }
  }

  // ----- events -----

  /** Re-fires the GanApi's events from the element, and adds `step` and `backendchange`. */
  #forwardEvents(api) {
    const again = (e) => new CustomEvent(e.type, { detail: /** @type {CustomEvent} */ (e).detail });
    for (const type of ['frame', 'configured', 'play', 'pause', 'phase']) {
      api.addEventListener(type, (e) => this.dispatchEvent(again(e)));
    }
    api.addEventListener('frame', (e) => {
      const { frame, steps, ms } = /** @type {CustomEvent} */ (e).detail;
      if (steps > 0) this.dispatchEvent(new CustomEvent('step', { detail: { step: frame.step, steps, ms, frame } }));
    });
    api.addEventListener('configured', (e) => this.#noteBackend(/** @type {CustomEvent} */ (e).detail.state));
  }

  /** Fires `backendchange` when the backend or the adapter differs from the last one seen. */
  #noteBackend(state) {
    const now = `${state.backend}|${state.adapter ?? ''}`;
    if (now === this.#backend) return;
    this.#backend = now;
    this.dispatchEvent(new CustomEvent('backendchange', {
      detail: { backend: state.backend, adapter: state.adapter, reason: state.backendReason },
    }));
  }
}
