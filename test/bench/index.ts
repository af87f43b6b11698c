import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../support/paths';
import type { Figure } from './bench-utils';
import { browserBench } from './browser.bench';
import { diagnosisBench } from './diagnosis.bench';
import { mirrorBench } from './mirror.bench';
import { messageOf } from '../../shared';

// npm run bench [-- --appointments N]: figures and ratios, printed and written as JSON. Never assertions.
const argIndex = process.argv.indexOf('--appointments');
const appointments = argIndex >= 0 ? Number(process.argv[argIndex + 1]) : 100_000;

const figures: Figure[] = [];
const NAME_WIDTH = 70;

/** Each part's figures are printed as soon as it ends: a long run that fails later still shows what it measured. */
function print(part: readonly Figure[]): void {
  let group = '';
  for (const figure of part) {
    if (figure.group !== group) {
      group = figure.group;
      console.log(`\n${group}`);
    }
    console.log(
      `  ${figure.name.padEnd(NAME_WIDTH)}  ${String(figure.value.toLocaleString('en-US')).padStart(12)} ${figure.unit}${figure.note ? `   (${figure.note})` : ''}`,
    );
  }
}

function write(failed: string | null): void {
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
    ...(failed ? { failed } : {}),
    figures,
  };
  const text = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(path.join(out, 'latest.json'), text);
  writeFileSync(path.join(out, `bench-${report.at.replace(/[:.]/g, '-')}.json`), text);
  console.log(`\nwritten: bench-results/latest.json${failed ? ' (incomplete)' : ''}`);
}

async function part<T>(name: string, run: () => Promise<T>, figuresOf: (value: T) => Figure[]): Promise<T> {
  try {
    const value = await run();
    const measured = figuresOf(value);
    figures.push(...measured);
    print(measured);
    return value;
  } catch (error) {
    const failed = `${name}: ${messageOf(error)}`;
    console.error(`\nbench failed in ${failed}`);
    write(failed);
    process.exit(1);
  }
}

const asFigures = (measured: Figure[]) => measured;

/**
 * Collects what the earlier parts left (the raw-rate comparison holds every feed item: gigabytes at a million) before
 * the next part times what a screen waits for. No console holds them, and this process's collections over that heap
 * (15 ms or more each) fell inside the reads it timed. Needs `--expose-gc` (scripts/bench.mjs passes it).
 */
function letGoOfEarlierParts(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
const mirror = await part(
  'mirror',
  () => mirrorBench(appointments),
  (run) => run.figures,
);
letGoOfEarlierParts();
await part('diagnosis', () => diagnosisBench(mirror.dbFile), asFigures);
await mirror.cleanup();
letGoOfEarlierParts();
await part('browser', () => browserBench(appointments), asFigures);
write(null);
process.exit(0);
