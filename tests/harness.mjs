// Shared browser-test harness: a static server for dist/ on 127.0.0.1 that logs
// every request, and Debian Chromium driven by playwright-core with a fresh profile.
import { createServer } from 'node:http';
import { readFile, stat, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, extname, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const DIST = resolve(new URL('..', import.meta.url).pathname, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.safetensors': 'application/octet-stream',
};

/**
 * Serves `root` on 127.0.0.1 at an ephemeral port, under the URL path `prefix`
 * (anything outside it is a 404, as on a host that owns only that sub-path).
 * @returns {Promise<{url: string, requests: string[], close: () => Promise<void>}>}
 */
export function serve(root = DIST, prefix = '/') {
  return serveMounts({ [prefix]: root });
}

/**
 * Serves several folders, each under its URL prefix (the longest matching
 * prefix wins): say, a site's own pages at `/` and the bundle at `/vendor/gan/`.
 * @param {Record<string, string>} mounts URL prefix → folder
 */
export async function serveMounts(mounts) {
  const requests = [];
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const prefix = prefixes.find((p) => pathname.startsWith(p));
    if (prefix === undefined) {
      res.writeHead(404);
      res.end('not found');
      return;
    }
    const path = normalize(`/${pathname.slice(prefix.length)}`).replace(/^(\.\.[/\\])+/, '');
    let file = join(mounts[prefix], path);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((ok) => { server.close(() => ok()); server.closeAllConnections(); }),
  };
}

const BASE_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];
export const WEBGPU_FLAGS = ['--enable-unsafe-webgpu', '--enable-unsafe-swiftshader'];

/**
 * Launches Chromium with a fresh profile. Records console errors, page errors,
 * and every request that leaves 127.0.0.1.
 * @param {{webgpu?: boolean}} opts
 */
export async function launch({ webgpu = false } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'gan-pw-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [...BASE_FLAGS, ...(webgpu ? WEBGPU_FLAGS : [])],
    viewport: { width: 1280, height: 1000 },
  });
  const consoleErrors = [];
  const foreign = [];
  context.on('request', (r) => {
    const url = new URL(r.url());
    if (!['127.0.0.1'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) foreign.push(r.url());
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  return {
    context, page, consoleErrors, foreign,
    close: async () => { await context.close(); await rm(profile, { recursive: true, force: true }); },
  };
}

/** Opens the page and waits until `window.gan` exists (it appears only once ready). */
export async function openPlayground(page, url, timeout = 120_000) {
  await page.goto(url);
  await page.waitForFunction(() => window.gan !== undefined, null, { timeout, polling: 100 });
}

/**
 * Counts the pixels of a canvas, inside the shadow root of the widget `host`,
 * that are neither white nor grey: drawn data, not axes.
 * @returns {Promise<number>}
 */
export function colouredPixels(page, selector, host = 'gan-playground') {
  return page.evaluate(([sel, hostSel]) => {
    const root = document.querySelector(hostSel)?.shadowRoot;
    if (!root) throw new Error(`no widget ${hostSel}`);
    const c = /** @type {HTMLCanvasElement} */ (root.querySelector(sel));
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      const [r, g, b] = [d[i], d[i + 1], d[i + 2]];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 40) n++;
    }
    return n;
  }, [selector, host]);
}

/** Each canvas, and the least number of coloured pixels it shows once it has drawn data. */
export const CANVASES = { '#latent-canvas': 200, '#mapping-canvas': 200, '#dist-canvas': 200, '#loss-canvas': 40 };

/**
 * Counts the pixels of a canvas in the widget `host`'s shadow root within
 * `tol` of the colour `rgb` on every channel.
 * @returns {Promise<number>}
 */
export function pixelsNear(page, selector, rgb, tol = 40, host = 'gan-playground') {
  return page.evaluate(([sel, hostSel, want, t]) => {
    const c = /** @type {HTMLCanvasElement} */ (document.querySelector(hostSel).shadowRoot.querySelector(sel));
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (Math.abs(d[i] - want[0]) <= t && Math.abs(d[i + 1] - want[1]) <= t && Math.abs(d[i + 2] - want[2]) <= t) n++;
    }
    return n;
  }, [selector, host, rgb, tol]);
}
