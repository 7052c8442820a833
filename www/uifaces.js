// The faces lesson's UI: the 8 × 8 grid of G's faces, the real samples and the
// uploads (decoded, centre-cropped and resized here, in the page), the
// fixed-noise timeline, the slerp walk, the latent sliders, and the loss and
// structure-score charts. Every pixel comes from Rust as RGBA tiles.
import { drawLosses } from './plot/losses.js';
import { axes, polyline, COLORS } from './plot/axes.js';
import { mountShell, fmt } from './ui-shell.js';

/** The side uploads are cropped and resized to (the lesson's 64×64×3). */
const UPLOAD_SIZE = 64;
/** Per-file limits: larger files or images are refused with a message. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;
const MAX_PIXELS = 40e6;
const MAX_FILES = 1024;
const WALK_FRAMES = 24;

/**
 * Draws RGBA tiles (`n × size × size × 4` bytes) into `canvas` as a `cols`-wide grid, scaled to fit.
 * @param {HTMLCanvasElement} canvas @param {Uint8Array} bytes @param {number} size @param {number} cols
 * @param {boolean} smooth @param {number} [rows]
 */
export function drawTiles(canvas, bytes, size, cols, smooth, rows) {
  const tile = size * size * 4;
  const n = Math.floor(bytes.length / tile);
  const r = rows ?? Math.max(1, Math.ceil(n / cols));
  const doc = canvas.ownerDocument;
  const off = doc.createElement('canvas');
  off.width = cols * size;
  off.height = r * size;
  const octx = /** @type {CanvasRenderingContext2D} */ (off.getContext('2d'));
  for (let k = 0; k < n; k++) {
    const img = new ImageData(new Uint8ClampedArray(bytes.buffer, bytes.byteOffset + k * tile, tile), size, size);
    octx.putImageData(img, (k % cols) * size, Math.floor(k / cols) * size);
  }
  const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.imageSmoothingEnabled = smooth;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(off, 0, 0, canvas.width, canvas.height);
}

/**
 * One image file → 64×64 RGBA bytes (centre-cropped to a square, then resized),
 * or a message saying why not.
 * @param {File} file @returns {Promise<Uint8ClampedArray>}
 */
export async function decodeFace(file, doc = document) {
  if (file.size === 0) throw new Error('the file is empty (0 bytes)');
  if (file.size > MAX_FILE_BYTES) throw new Error(`the file is ${(file.size / 1e6).toFixed(0)} MB; the limit is ${MAX_FILE_BYTES / 1e6} MB`);
  if (file.type && !file.type.startsWith('image/')) throw new Error(`not an image (${file.type})`);
  let bitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error(file.type ? 'a broken or unsupported image: the browser could not decode it' : 'not an image the browser can decode');
  }
  try {
    if (bitmap.width * bitmap.height > MAX_PIXELS) throw new Error(`the image is ${bitmap.width}×${bitmap.height}; the limit is ${MAX_PIXELS / 1e6} megapixels`);
    const side = Math.min(bitmap.width, bitmap.height);
    const canvas = doc.createElement('canvas');
    canvas.width = canvas.height = UPLOAD_SIZE;
    const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d', { willReadFrequently: true }));
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, (bitmap.width - side) / 2, (bitmap.height - side) / 2, side, side, 0, 0, UPLOAD_SIZE, UPLOAD_SIZE);
    return ctx.getImageData(0, 0, UPLOAD_SIZE, UPLOAD_SIZE).data;
  } finally {
    bitmap.close();
  }
}

/** Every file under a dropped folder (DataTransfer entries), depth first. */
async function filesOf(items) {
  const out = [];
  const walk = async (entry) => {
    if (!entry) return;
    if (entry.isFile) out.push(await new Promise((resolve, reject) => entry.file(resolve, reject)));
    else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
        if (!batch.length) break;
        for (const e of batch) await walk(e);
      }
    }
  };
  for (const item of items) await walk(item.webkitGetAsEntry?.());
  return out;
}

/** The structure score over steps (its own chart: a distance, not a loss). */
function drawStructure(canvas, history) {
  const steps = history.map((h) => h.step);
  const values = history.map((h) => h.value);
  const { ctx, X, Y } = axes(canvas, {
    x: [steps[0] ?? 0, Math.max((steps[0] ?? 0) + 10, steps[steps.length - 1] ?? 0)],
    y: [0, Math.max(1, ...values)],
    xLabel: 'step', yLabel: 'structure',
  });
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = COLORS.lossG;
  polyline(ctx, steps, values, X, Y);
}

/**
 * @param {ShadowRoot} root @param {import('./api.js').GanApi} gan
 * @param {import('./ui-shell.js').ShellOptions} options
 */
export function mountUiFaces(root, gan, options) {
  const $ = (id) => /** @type {HTMLElement} */ (root.getElementById(id));
  const grid = /** @type {HTMLCanvasElement} */ ($('grid-canvas'));
  const upscale = /** @type {HTMLSelectElement} */ ($('upscale'));
  const smooth = () => upscale.value === 'smooth';
  /** @type {{step: number, value: number}[]} */
  let structure = [];
  let drawnAt = /** @type {number | null} */ (null);
  let timelineAt = -1;
  let pick = { a: -1, b: -1, next: /** @type {'a' | 'b'} */ ('a'), slider: 0 };
  let walkTimer = 0;
  /** @type {HTMLInputElement[]} */
  let sliderInputs = [];
  const pg = gan.pg;
  const size = () => gan.state().resolution;

  const drawGrid = () => drawTiles(grid, pg.gridPixels(), size(), 8, smooth());
  function drawTimeline() {
    const { steps, pixels } = pg.timeline();
    const canvas = /** @type {HTMLCanvasElement} */ ($('timeline-canvas'));
    const cols = Math.max(1, steps.length);
    const s = size();
    // Column k holds 8 faces top to bottom: transpose the tiles into rows.
    const tile = s * s * 4;
    const out = new Uint8Array(pixels.length);
    for (let c = 0; c < steps.length; c++) for (let r = 0; r < 8; r++) {
      out.set(pixels.subarray((c * 8 + r) * tile, (c * 8 + r + 1) * tile), (r * cols + c) * tile);
    }
    const label = 16;
    const cell = Math.min(64, Math.floor(canvas.width / cols));
    canvas.height = cell * 8 + label;
    const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (!steps.length) return;
    const body = root.ownerDocument.createElement('canvas');
    body.width = cell * cols;
    body.height = cell * 8;
    drawTiles(body, out, s, cols, smooth(), 8);
    ctx.drawImage(body, 0, label);
    ctx.fillStyle = '#444';
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'center';
    steps.forEach((st, c) => ctx.fillText(String(st), c * cell + cell / 2, 12));
  }
  async function drawReal() {
    const n = 16;
    const bytes = pg.realPixels(n);
    drawTiles(/** @type {HTMLCanvasElement} */ ($('real-canvas')), bytes, size(), 4, smooth(), 4);
  }
  const showPick = () => {
    $('walk-a').textContent = pick.a < 0 ? 'random' : `face ${pick.a}`;
    $('walk-b').textContent = pick.b < 0 ? 'random' : `face ${pick.b}`;
    $('slider-face').textContent = String(pick.slider);
  };

  const shell = mountShell(root, gan, options, {
    fileStem: 'faces',
    sync(state) {
      const c = state.config;
      const p = state.pretrained;
      $('pretrained-note').textContent = p.used
        ? `Started from the shipped pretrained generator (trained ${p.step} steps natively).`
        : p.note ? `From scratch: ${p.note}.` : 'From scratch (random weights, N(0, 0.02)).';
      $('dataset-name').textContent = c.dataset === 'uploaded' ? `your ${state.uploaded} images`
        : `procedural faces${state.datasetNote ? ` (${state.datasetNote})` : ''}`;
      drawReal();
      if (!sliderInputs.length) buildSliders(state.sliders);
    },
    draw(frame, history) {
      drawLosses(/** @type {HTMLCanvasElement} */ ($('loss-canvas')), history, { equilibrium: false });
      if (frame.imagesStep != null && frame.imagesStep !== drawnAt) {
        drawnAt = frame.imagesStep;
        drawGrid();
        // The strip changes only at its marks: copy its pixels out of wasm only then.
        if (frame.timelineVersion !== timelineAt) { timelineAt = frame.timelineVersion; drawTimeline(); }
        const v = frame.metrics.structure;
        if (structure.length && frame.step < structure[structure.length - 1].step) structure = [];
        if (v != null && (!structure.length || frame.step > structure[structure.length - 1].step)) {
          structure.push({ step: frame.step, value: v });
          if (structure.length > 2000) structure = structure.filter((_, i) => i % 2 === 0);
        }
        drawStructure(/** @type {HTMLCanvasElement} */ ($('structure-canvas')), structure);
      }
      $('out-structure').textContent = fmt(frame.metrics.structure, 2);
    },
  });
  gan.addEventListener('configured', (e) => {
    if (/** @type {CustomEvent} */ (e).detail.reset) { structure = []; drawnAt = null; timelineAt = -1; }
  });
  upscale.addEventListener('change', () => { drawGrid(); drawTimeline(); drawReal(); });
  $('btn-scratch').addEventListener('click', () => shell.apply({ pretrained: false }));

  // ----- picking faces on the grid -----
  grid.addEventListener('click', (ev) => {
    const r = grid.getBoundingClientRect();
    const col = Math.min(7, Math.floor(((ev.clientX - r.left) / r.width) * 8));
    const row = Math.min(7, Math.floor(((ev.clientY - r.top) / r.height) * 8));
    const i = row * 8 + col;
    pick[pick.next] = i;
    pick.next = pick.next === 'a' ? 'b' : 'a';
    pick.slider = i;
    showPick();
    slide();
  });

  // ----- the walk: slerp frames, played back and forth -----
  async function walk(a, b) {
    clearInterval(walkTimer);
    try {
      const frames = await gan.serial(() => pg.interpolate(a, b, WALK_FRAMES));
      const s = size();
      const tile = s * s * 4;
      const canvas = /** @type {HTMLCanvasElement} */ ($('walk-canvas'));
      let k = 0;
      let dir = 1;
      const show = () => {
        drawTiles(canvas, frames.subarray(k * tile, (k + 1) * tile), s, 1, smooth());
        canvas.dataset.frame = String(k);
        if (k + dir < 0 || k + dir >= WALK_FRAMES) dir = -dir;
        k += dir;
      };
      show();
      walkTimer = setInterval(show, 80);
    } catch (e) {
      shell.showError(e);
    }
  }
  $('btn-walk').addEventListener('click', () => walk(pick.a, pick.b));
  $('btn-walk-random').addEventListener('click', () => walk(-1, -1));

  // ----- the sliders -----
  function buildSliders(names) {
    sliderInputs = names.map((name) => {
      const label = root.ownerDocument.createElement('label');
      label.textContent = `${name} `;
      const input = root.ownerDocument.createElement('input');
      input.type = 'range';
      input.min = '-3';
      input.max = '3';
      input.step = '0.1';
      input.value = '0';
      input.dataset.slider = name;
      input.addEventListener('input', () => slide());
      label.append(input);
      $('sliders').append(label);
      return input;
    });
    const reset = root.ownerDocument.createElement('button');
    reset.type = 'button';
    reset.textContent = 'Centre';
    reset.addEventListener('click', () => { for (const i of sliderInputs) i.value = '0'; slide(); });
    $('sliders').append(reset);
  }
  let sliding = false;
  let again = false;
  async function slide() {
    // One render in flight at a time; the latest position wins.
    if (sliding) { again = true; return; }
    sliding = true;
    try {
      const values = sliderInputs.map((i) => Number(i.value));
      const bytes = await gan.serial(() => pg.slide(pick.slider, values));
      drawTiles(/** @type {HTMLCanvasElement} */ ($('slider-canvas')), bytes, size(), 1, smooth());
    } catch (e) {
      shell.showError(e);
    } finally {
      sliding = false;
      if (again) { again = false; slide(); }
    }
  }

  // ----- uploads: files, a folder, or a drop; one message per file that fails -----
  async function load(files) {
    const list = $('upload-errors');
    list.replaceChildren();
    const status = $('upload-status');
    const images = [];
    const errors = [];
    const chosen = [...files].slice(0, MAX_FILES);
    if (files.length > MAX_FILES) errors.push(`only the first ${MAX_FILES} of ${files.length} files were read`);
    status.textContent = `Reading ${chosen.length} file${chosen.length === 1 ? '' : 's'}…`;
    for (const f of chosen) {
      try {
        images.push(await decodeFace(f, root.ownerDocument));
      } catch (e) {
        errors.push(`${(f.webkitRelativePath || f.name).slice(0, 80)}: ${e?.message ?? e}`);
      }
    }
    for (const m of errors) {
      const li = root.ownerDocument.createElement('li');
      li.textContent = m;
      list.append(li);
    }
    if (!images.length) {
      status.textContent = 'No image could be read; the dataset is unchanged.';
      return;
    }
    const bytes = new Uint8Array(images.length * UPLOAD_SIZE * UPLOAD_SIZE * 4);
    images.forEach((img, k) => bytes.set(img, k * img.length));
    try {
      await gan.serial(() => pg.setImages(bytes, images.length));
      await gan.configure({ dataset: 'uploaded' });
      status.textContent = `Training on your ${images.length} image${images.length === 1 ? '' : 's'}${errors.length ? `; ${errors.length} file${errors.length === 1 ? '' : 's'} skipped` : ''}.`;
      shell.refresh();
    } catch (e) {
      shell.showError(e);
    }
    root.host.dispatchEvent(new CustomEvent('upload', { detail: { loaded: images.length, errors } }));
  }
  for (const id of ['upload-files', 'upload-folder']) {
    const input = /** @type {HTMLInputElement} */ ($(id));
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])];
      input.value = '';
      if (files.length) load(files);
    });
  }
  const zone = $('drop-zone');
  zone.addEventListener('dragover', (ev) => { ev.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', async (ev) => {
    ev.preventDefault();
    zone.classList.remove('over');
    const dt = ev.dataTransfer;
    if (!dt) return;
    const items = [...dt.items].filter((i) => i.kind === 'file');
    const files = items.some((i) => i.webkitGetAsEntry?.()?.isDirectory) ? await filesOf(items) : [...dt.files];
    if (files.length) load(files);
  });

  shell.start();
  showPick();
  slide();
  walk(-1, -1); // the walk panel starts walking between two random faces
  return { ...shell, destroy: () => { clearInterval(walkTimer); shell.destroy(); }, load };
}
