#!/usr/bin/env node
// `npm test`: every check, in order, then one closing line "N passed, N failed".
//   lint, formatting, type checks (Node side, DOM side, e2e), build, Vitest (unit + integration),
//   Playwright in Chromium (end to end), Electronegativity on the built JavaScript.
// On Linux the whole run happens inside a private D-Bus session with an unlocked gnome-keyring,
// so the keychain tests use a real Secret Service without touching the user's own keyring.
// Options: --only <step[,step]>   run only the named steps (lint, format, knip, typecheck, build, vitest, e2e, electronegativity)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const argv = process.argv.slice(2);
const onlyIndex = argv.indexOf('--only');
const only = onlyIndex >= 0 ? new Set((argv[onlyIndex + 1] ?? '').split(',')) : null;

function which(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

if (process.platform === 'linux' && !process.env.XOI_TEST_KEYRING_SESSION) {
  const missing = ['dbus-run-session', 'gnome-keyring-daemon'].filter((command) => !which(command));
  if (missing.length > 0) {
    console.error(
      `npm test needs a private Secret Service for the keychain tests, but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing.`,
    );
    console.error(
      'Install them with: sudo apt-get install dbus gnome-keyring libsecret-1-dev (see README, "Testing on Linux").',
    );
    console.error('0 passed, 1 failed');
    process.exit(1);
  }
  const home = mkdtempSync(path.join(os.tmpdir(), 'xoi-test-home-'));
  const inner = `echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "${process.execPath}" "${fileURLToPath(import.meta.url)}" "$@"`;
  const result = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner, 'sh', ...argv], {
    stdio: 'inherit',
    env: {
      ...process.env,
      HOME: home,
      XDG_DATA_HOME: path.join(home, '.local', 'share'),
      XOI_TEST_KEYRING_SESSION: '1',
    },
  });
  rmSync(home, { recursive: true, force: true });
  process.exit(result.status ?? 1);
}

const reports = mkdtempSync(path.join(os.tmpdir(), 'xoi-test-reports-'));
const vitestReport = path.join(reports, 'vitest.json');
const playwrightReport = path.join(reports, 'playwright.json');

const steps = [
  { name: 'lint', command: bin('eslint'), args: ['.'] },
  {
    name: 'format',
    label: 'format (Prettier, 120 columns)',
    command: bin('prettier'),
    args: ['--check', '--log-level', 'warn', '.'],
  },
  { name: 'knip', label: 'dead code (knip: unused files, exports, dependencies)', command: bin('knip'), args: [] },
  {
    name: 'typecheck',
    label: 'typecheck (Node side)',
    command: bin('tsc'),
    args: ['-p', 'tsconfig.node.json', '--noEmit'],
  },
  {
    name: 'typecheck',
    label: 'typecheck (DOM side)',
    command: bin('tsc'),
    args: ['-p', 'tsconfig.web.json', '--noEmit'],
  },
  {
    name: 'typecheck',
    label: 'typecheck (e2e)',
    command: bin('tsc'),
    args: ['-p', 'test/e2e/tsconfig.json', '--noEmit'],
  },
  { name: 'build', command: process.execPath, args: ['scripts/build.mjs'] },
  {
    name: 'vitest',
    label: 'unit and integration tests (Vitest)',
    command: bin('vitest'),
    args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`],
    env: { XOI_SKIP_RENDERER_BUILD: '1' },
    count: () => {
      const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
      return {
        passed: report.numPassedTests,
        failed:
          report.numFailedTests +
          (report.numTotalTestSuites > 0 && report.success === false && report.numFailedTests === 0 ? 1 : 0),
      };
    },
  },
  {
    name: 'e2e',
    label: 'end-to-end tests (Playwright, Chromium)',
    command: bin('playwright'),
    args: ['test', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
    count: () => {
      const report = JSON.parse(readFileSync(playwrightReport, 'utf8'));
      return { passed: report.stats.expected, failed: report.stats.unexpected + report.stats.flaky };
    },
  },
  {
    name: 'electronegativity',
    label: 'Electronegativity (built JavaScript)',
    command: process.execPath,
    args: ['scripts/electronegativity.mjs'],
    optional: !existsSync(path.join(root, 'scripts/electronegativity.mjs')),
  },
];

let passed = 0;
let failed = 0;
const summary = [];
for (const step of steps) {
  if (step.optional) continue;
  if (only && !only.has(step.name)) continue;
  const label = step.label ?? step.name;
  console.log(`\n=== ${label} ===`);
  const started = Date.now();
  const result = spawnSync(step.command, step.args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  });
  const ok = result.status === 0;
  let counted = ok ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  if (step.count) {
    try {
      counted = step.count();
      if (!ok && counted.failed === 0) counted.failed = 1;
    } catch {
      // No report means the runner itself failed before testing anything.
    }
  }
  passed += counted.passed;
  failed += counted.failed;
  summary.push(
    `${ok ? 'ok  ' : 'FAIL'} ${label} (${counted.passed} passed, ${counted.failed} failed, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}
rmSync(reports, { recursive: true, force: true });
console.log(`\n${summary.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
