// The README's grid of procedural faces: renders 8 × 8 faces natively (the
// `faces` example, which also prints the faces-per-second benchmark), then lets
// Chromium re-encode the PNG compressed.  node scripts/faces-grid.mjs [out.png]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from '../tests/harness.mjs';

const out = process.argv[2] ?? 'docs/faces-procedural.png';
const raw = join(tmpdir(), 'gan-faces-raw.png');
execFileSync('cargo', ['run', '--release', '--quiet', '--example', 'faces', raw], { stdio: 'inherit' });
const browser = await launch({});
try {
  const b64 = readFileSync(raw).toString('base64');
  await browser.page.setContent(`<body style="margin:0"><img id="g" src="data:image/png;base64,${b64}"></body>`);
  await browser.page.locator('#g').screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
