// Trunk post-build hook: moves Trunk's inline wasm loader into a file of its
// own, so that the page runs under a CSP without 'unsafe-inline' scripts.
// Trunk sets TRUNK_STAGING_DIR and TRUNK_PUBLIC_URL for hooks.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('externalize-init: run me as a Trunk hook (TRUNK_STAGING_DIR is unset)');
const base = process.env.TRUNK_PUBLIC_URL ?? '/';
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
let count = 0;
html = html.replace(/<script type="module">([\s\S]*?)<\/script>/g, (_, body) => {
  const name = `init-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, name), body);
  count++;
  return `<script type="module" src="${base}${name}"></script>`;
});
if (count !== 1) throw new Error(`externalize-init: expected Trunk's one inline loader, found ${count}`);
writeFileSync(file, html);
