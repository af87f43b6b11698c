import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import { createInterface } from 'node:readline';
import { cliBundle } from '../support/paths';
import { SANDBOX_ADMIN_AUTHORIZATION } from '../support/sandbox';

export interface Figure {
  group: string;
  name: string;
  value: number;
  unit: string;
  note?: string;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** Samples the process's resident memory (the worker thread included) until stopped; returns the peak in MB. */
export function memoryPeak(): () => number {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 25);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage().rss) / 1024 / 1024;
  };
}

/**
 * Starts the bundled CLI and resolves with its first stdout line. `background` lowers its CPU priority: the sandbox
 * stands for a Schedule server on another machine, so on a 2-core box it should not take the console's CPU.
 */
export function startChild(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  background = false,
): Promise<{ child: ChildProcess; line: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBundle, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    });
    if (background && child.pid) {
      try {
        os.setPriority(child.pid, 15);
      } catch {
        // Not permitted here: the figures then include the contention.
      }
    }
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const newline = out.indexOf('\n');
      if (newline >= 0) resolve({ child, line: out.slice(0, newline) });
    });
    child.on('exit', (code) => reject(new Error(`${args[0]} exited with ${code}`)));
  });
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * A JSON POST that waits as long as the answer takes. Fetch gives up after five minutes without headers, and a first
 * mirror of a million appointments on a slow day takes longer than that.
 */
export function postWithoutDeadline(url: string, headers: Record<string, string>, body: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' } });
    request.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

export async function sandboxChanges(url: string, count: number, seed: number): Promise<unknown> {
  const response = await fetch(`${url}/sandbox/changes`, {
    method: 'POST',
    headers: {
      Authorization: SANDBOX_ADMIN_AUTHORIZATION,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ count, seed }),
  });
  if (!response.ok) throw new Error(`sandbox changes failed: ${response.status}`);
  return response.json();
}

// An idle Node process that only measures its own event-loop delay: how long the OS alone keeps a thread waiting.
const IDLE_CONTROL = `
const { monitorEventLoopDelay } = require('node:perf_hooks');
const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
process.stdout.write('ready\\n');
process.stdin.once('data', () => {
  delay.disable();
  process.stdout.write(JSON.stringify({ max: delay.max / 1e6, p99: delay.percentile(99) / 1e6 }) + '\\n');
  process.exit(0);
});`;

/**
 * Starts the control beside a measurement; stopping it returns its delays in ms. On a small shared machine a busy
 * CPU delays every thread, so a main-thread stall means something only next to what an idle process saw.
 */
export async function idleControl(): Promise<() => Promise<{ max: number; p99: number }>> {
  const child = spawn(process.execPath, ['-e', IDLE_CONTROL], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  await lines.next();
  return async () => {
    child.stdin.write('stop\n');
    const reply = await lines.next();
    return JSON.parse(String(reply.value)) as { max: number; p99: number };
  };
}
