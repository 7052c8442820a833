// Trunk post-build hook, run on the staging dir (TRUNK_STAGING_DIR):
//  1. moves Trunk's inline wasm loader into a file of its own, so that the page
//     runs under a CSP without 'unsafe-inline' scripts;
//  2. writes sw.js, the offline service worker, from www/sw.js with this
//     build's version and the list of every file to precache.
import { readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('trunk-post-build: run me as a Trunk hook (TRUNK_STAGING_DIR is unset)');
const base = process.env.TRUNK_PUBLIC_URL ?? '/';
const sha = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

const indexFile = join(dir, 'index.html');
let html = readFileSync(indexFile, 'utf8');
let loaders = 0;
html = html.replace(/<script type="module">([\s\S]*?)<\/script>/g, (_, body) => {
  const name = `init-${sha(body)}.js`;
  writeFileSync(join(dir, name), body);
  loaders++;
  return `<script type="module" src="${base}${name}"></script>`;
});
if (loaders !== 1) throw new Error(`trunk-post-build: expected Trunk's one inline loader, found ${loaders}`);
writeFileSync(indexFile, html);

const template = join(dir, 'www', 'sw.js');
const worker = readFileSync(template, 'utf8');
rmSync(template);
const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? walk(join(d, e.name)) : [relative(dir, join(d, e.name))]);
const files = walk(dir).filter((f) => f !== 'sw.js').sort();
// The version changes whenever any file's content does, so a new build replaces the old cache.
const version = sha(files.map((f) => `${f}:${sha(readFileSync(join(dir, f)))}`).join('\n'));
const precache = ['./', ...files.filter((f) => f !== 'index.html').map((f) => `./${f}`)];
writeFileSync(join(dir, 'sw.js'),
  `const VERSION = ${JSON.stringify(version)};\nconst PRECACHE = ${JSON.stringify(precache)};\n${worker}`);
