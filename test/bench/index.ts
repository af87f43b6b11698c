import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../support/paths';
import type { Figure } from './bench-utils';
import { browserBench } from './browser.bench';
import { diagnosisBench } from './diagnosis.bench';
import { mirrorBench } from './mirror.bench';

// npm run bench [-- --appointments N]: figures and ratios, printed and written as JSON. Never assertions.
const argIndex = process.argv.indexOf('--appointments');
const appointments = argIndex >= 0 ? Number(process.argv[argIndex + 1]) : 100_000;

const figures: Figure[] = [];
const mirror = await mirrorBench(appointments);
figures.push(...mirror.figures);
figures.push(...(await diagnosisBench(mirror.dbFile)));
await mirror.cleanup();
figures.push(...(await browserBench(appointments)));

const width = Math.max(...figures.map((figure) => figure.name.length));
let group = '';
for (const figure of figures) {
  if (figure.group !== group) {
    group = figure.group;
    console.log(`\n${group}`);
  }
  console.log(
    `  ${figure.name.padEnd(width)}  ${String(figure.value.toLocaleString('en-US')).padStart(12)} ${figure.unit}${figure.note ? `   (${figure.note})` : ''}`,
  );
}
const out = path.join(repoRoot, 'bench-results');
mkdirSync(out, { recursive: true });
const report = {
  at: new Date().toISOString(),
  appointments,
  machine: {
    cpus: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  },
  figures,
};
writeFileSync(path.join(out, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(path.join(out, `bench-${report.at.replace(/[:.]/g, '-')}.json`), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nwritten: bench-results/latest.json`);
process.exit(0);
