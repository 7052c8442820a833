// Shareable state: the whole config, and which controls are hidden, in the URL
// hash (TF Playground's style: `#batch=64&lrG=0.002&target={...}&_hide=seed`).
// Parsing here only splits the text; Rust validates every value.

/** Longest hash accepted; a longer one is ignored as a whole. */
export const MAX_HASH = 8192;
/** Longest single value accepted. */
const MAX_VALUE = 2000;

/**
 * The control names `_hide` and the widget's `controls`/`hide` accept (each is a
 * `data-control` in www/template.js).
 */
export const CONTROL_NAMES = [
  // every lesson
  'play', 'pause', 'step', 'reset', 'resetAll', 'message', 'share', 'seed',
  // the 1-D lesson and the 2-D lab
  'batch', 'lrG', 'lrD', 'beta1', 'stepsPerFrame', 'latentDim', 'hidden', 'layers', 'backend',
  // the 1-D lesson
  'target', 'weights',
  // the 2-D lab
  'stepD', 'stepG', 'slow', 'presets', 'dataset', 'loss', 'clip', 'gpWeight', 'optimizerG', 'optimizerD',
  'dSteps', 'gSteps', 'latent', 'view',
  // the dice
  'reroll', 'die', 'rolls', 'compare',
  // the faces
  'pretrained', 'upload', 'walk', 'sliders', 'lr', 'refreshEvery', 'resolution', 'ngf', 'ndf',
];

const clip = (s) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/**
 * Turns one hash value (or widget attribute) into what configure expects: JSON for objects, arrays,
 * numbers and booleans; the raw text otherwise (Rust then says what is wrong with it).
 * @param {string} raw @returns {unknown}
 */
export function decodeValue(raw) {
  if (/^[[{]/.test(raw) || /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(raw) || raw === 'true' || raw === 'false') {
    try { return JSON.parse(raw); } catch { /* fall through to text */ }
  }
  return raw;
}

/**
 * @param {string} hash `location.hash`, with or without the leading `#`
 * @returns {{patch: Record<string, unknown>, hide: string[], notices: string[]}}
 */
export function parseHash(hash) {
  const text = hash.replace(/^#/, '');
  const out = { patch: {}, hide: [], notices: [] };
  if (!text) return out;
  if (text.length > MAX_HASH) {
    out.notices.push(`Ignored the link's settings: ${text.length} characters is more than ${MAX_HASH}.`);
    return out;
  }
  for (const [key, raw] of new URLSearchParams(text)) {
    if (raw.length > MAX_VALUE) {
      out.notices.push(`Ignored \`${clip(key)}\` from the link: its value is ${raw.length} characters long.`);
    } else if (key === '_hide') {
      for (const name of raw.split(',').filter(Boolean)) {
        if (CONTROL_NAMES.includes(name)) out.hide.push(name);
        else out.notices.push(`Ignored \`_hide=${clip(name)}\` from the link: no such control (${CONTROL_NAMES.join(', ')}).`);
      }
    } else {
      out.patch[key] = decodeValue(raw);
    }
  }
  return out;
}

/**
 * The hash that reproduces `config` and the hidden controls.
 * @param {Record<string, unknown>} config @param {string[]} hide @returns {string}
 */
export function toHash(config, hide = []) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(config)) {
    params.set(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  if (hide.length) params.set('_hide', hide.join(','));
  return `#${params.toString()}`;
}
