// The built dist/ references no other host: no CDN, no fonts, no analytics.
// (URLs inside comments, XML namespaces and the wasm's own strings fetch nothing
// and are not references; what is checked is every way a page loads something.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, extname } from 'node:path';
import { DIST } from './harness.mjs';

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

const LOADS = [
  /\b(?:src|href|action|poster|srcset)\s*=\s*["']?\s*(?:https?:)?\/\/[^"'\s>]+/gi, // HTML attributes
  /url\(\s*["']?\s*(?:https?:)?\/\/[^)"']+/gi, // CSS
  /@import\s+["']?(?:https?:)?\/\/[^"';\s]+/gi, // CSS imports
  /\bimport\s*(?:[\w*{}\s,]+from\s*)?\(?\s*["'](?:https?:)?\/\/[^"']+/gi, // JS imports, static and dynamic
  /\b(?:fetch|importScripts|new\s+(?:Worker|WebSocket|EventSource))\s*\(\s*["'`](?:https?:|wss?:)?\/\/[^"'`]+/gi, // JS loads
];

test('dist/ loads nothing from another host', async () => {
  const hits = [];
  let checked = 0;
  for await (const file of files(DIST)) {
    if (!['.html', '.js', '.mjs', '.css', '.svg', '.json', '.webmanifest'].includes(extname(file))) continue;
    const text = await readFile(file, 'utf8');
    checked++;
    for (const pattern of LOADS) for (const m of text.matchAll(pattern)) hits.push(`${file}: ${m[0]}`);
  }
  assert.ok(checked >= 5, `only ${checked} text files in dist/`);
  assert.deepEqual(hits, []);
});

test('the harness would catch a CDN reference', () => {
  const sample = '<script src="https://cdn.example.com/x.js"></script> @import url("//fonts.example/f.css"); import("https://esm.sh/y")';
  const found = LOADS.flatMap((p) => [...sample.matchAll(p)].map((m) => m[0]));
  assert.equal(found.length, 3, JSON.stringify(found));
});

test('dist/ has gan-playground.js at its root, the one script an embedding page needs', async () => {
  const text = await readFile(join(DIST, 'gan-playground.js'), 'utf8');
  assert.match(text, /defineGanPlayground/);
  // Everything it loads is relative to itself, so the bundle works under any path.
  for (const m of text.matchAll(/(?:from\s+|new URL\()'([^']+)'/g)) {
    assert.ok(m[1].startsWith('./'), m[1]);
    assert.ok((await stat(join(DIST, m[1]))).isFile(), m[1]);
  }
});
