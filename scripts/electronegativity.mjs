#!/usr/bin/env node
// Electronegativity on the built JavaScript (not the TypeScript sources), offline: the check that downloads Electron's
// release list is excluded. Fails on any HIGH or MEDIUM finding that is not justified in place (an eng-disable comment
// next to the code, kept through the bundle), and on any file it cannot parse.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity');
const { version: electronVersion } = require('electron/package.json');

const stage = mkdtempSync(path.join(os.tmpdir(), 'xoi-electronegativity-'));
try {
  // Electronegativity reads .js files only: the bundles are copied under that extension.
  for (const bundle of readdirSync(path.join(root, 'dist', 'electron')).filter((file) => file.endsWith('.cjs'))) {
    mkdirSync(path.join(stage, 'electron'), { recursive: true });
    cpSync(path.join(root, 'dist', 'electron', bundle), path.join(stage, 'electron', bundle.replace(/\.cjs$/, '.js')));
  }
  cpSync(path.join(root, 'dist', 'renderer'), path.join(stage, 'renderer'), { recursive: true });
  const originalLog = console.log;
  console.log = () => {};
  let result;
  try {
    result = await run({
      input: stage,
      isRelative: true,
      electronVersionOverride: electronVersion,
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      severitySet: 'INFORMATIONAL',
      confidenceSet: 'TENTATIVE',
    });
  } finally {
    console.log = originalLog;
  }
  const unparsable = result.errors.filter((error) => !error.tolerable);
  const serious = result.issues.filter((issue) => issue.severity.name === 'HIGH' || issue.severity.name === 'MEDIUM');
  const low = result.issues.length - serious.length;
  for (const error of unparsable) console.log(`CANNOT PARSE ${path.relative(stage, error.file)}: ${error.message}`);
  for (const issue of serious)
    console.log(
      `${issue.severity.name} ${issue.id} ${issue.file}:${issue.location.line}:${issue.location.column} ${issue.description}`,
    );
  console.log(
    `electronegativity: ${result.globalChecks} global and ${result.atomicChecks} atomic checks; ${serious.length} HIGH/MEDIUM, ${low} LOW/INFORMATIONAL, ${unparsable.length} files not parsed`,
  );
  process.exitCode = serious.length === 0 && unparsable.length === 0 ? 0 : 1;
} finally {
  rmSync(stage, { recursive: true, force: true });
}
