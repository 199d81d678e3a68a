/**
 * npm run bench:load -- [--dir FOLDER | --bureaus N --years Y] [--runs R]
 *
 * Times loading content (src/core/load.ts loadContent: read, parse, validate)
 * and prints milliseconds per bureau-year, with, for comparison, what the same
 * data.yaml files cost through the full parser alone (parseYaml + schema, the
 * path every file took before the fast path and the one that still reports
 * every error), and how many files the fast path took. Without --dir, synthetic
 * content is generated into a temporary folder and deleted afterwards.
 * Figures are printed, never asserted.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from './synthetic/generate.ts';
import { loadContent, parseYaml, parseYamlFast } from '../src/core/load.ts';
import { bureauYearSchema } from '../src/core/schema.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    bureaus: { type: 'string', default: '100' },
    years: { type: 'string', default: '5' },
    runs: { type: 'string', default: '3' },
  },
});

const generated = values.dir === undefined;
const root = generated ? mkdtempSync(join(tmpdir(), 'bench-load-')) : resolve(values.dir!);
if (generated) generate({ dir: root, bureaus: Number(values.bureaus), years: Number(values.years) });

try {
  const dataFiles = readdirSync(join(root, 'bureaus'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('data.yaml') && !f.includes('versions'))
    .map((f) => join(root, 'bureaus', f));
  const texts = dataFiles.map((f) => readFileSync(f, 'utf8'));
  const fast = texts.filter((t) => parseYamlFast(t) !== undefined).length;
  const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
  console.log(`${root}: ${texts.length} data.yaml (${(bytes / texts.length / 1024).toFixed(1)} KB on average), ${fast} read on the fast path`);

  const runs = Number(values.runs);
  let best = Infinity;
  let years = 0;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const { content, errors } = loadContent(root);
    const ms = performance.now() - start;
    years = content.years.length;
    best = Math.min(best, ms);
    console.log(`loadContent run ${run + 1}: ${years} bureau-years, ${errors.length} errors, ${ms.toFixed(0)} ms, ${(ms / years).toFixed(2)} ms per bureau-year`);
  }

  let fullBest = Infinity;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    for (const text of texts) {
      const parsed = parseYaml(text, 'data.yaml', []);
      if (parsed) bureauYearSchema.safeParse(parsed.value);
    }
    fullBest = Math.min(fullBest, performance.now() - start);
  }
  console.log(`best loadContent: ${(best / years).toFixed(2)} ms per bureau-year`);
  console.log(`full parser + schema alone (no fast path), best of ${runs}: ${(fullBest / texts.length).toFixed(2)} ms per data.yaml`);
} finally {
  if (generated) rmSync(root, { recursive: true, force: true });
}
