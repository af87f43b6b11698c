import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '../support/fixtures';
import { type Result } from '../../shared/contract';
import { createDispatch, EventBus } from '../../electron/engine';
import { type Logger, createNodeLogger } from '../../electron/engine/logging';
import { startWebHost, type WebHost } from '../../electron/web';
import { handlersWith } from '../support/handlers';
import { makeTempDir } from '../support/temp-dir';

function request(port: number, pathName: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathName, method, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });
}

/** A logger that keeps every record, to show what reached the log. */
function recordingLogger() {
  const records: string[] = [];
  const keep =
    (level: string) =>
    (message: string, ...data: unknown[]) =>
      records.push(
        [level, message, ...data.map((item) => (item instanceof Error ? (item.stack ?? '') : String(item)))].join(' '),
      );
  const log: Logger = { debug: keep('debug'), info: keep('info'), warn: keep('warn'), error: keep('error') };
  return { log, records };
}

describe('the web host at its input edges', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let host: WebHost;
  let logged: ReturnType<typeof recordingLogger>;
  const reached: string[] = [];

  beforeEach(async () => {
    temp = makeTempDir();
    const staticDir = path.join(temp.dir, 'renderer');
    mkdirSync(staticDir);
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>XOi Console</title>');
    logged = recordingLogger();
    const dispatch = createDispatch(
      handlersWith({
        'print.document': () => {
          reached.push('print.document');
          return { outcome: 'use-browser' as const, route: '#/' };
        },
      }),
      logged.log,
    );
    host = await startWebHost({ dispatch, events: new EventBus(), staticDir, log: logged.log });
  });
  afterEach(async () => {
    await host.close();
    temp.remove();
  });

  it('answers 400 to a malformed percent-escape in a call path, a file path or the token cookie, and logs no stack', async () => {
    const token = { 'x-xoi-token': host.token, 'content-type': 'application/json' };
    expect((await request(host.port, '/api/call/%E0%A4%A', token, 'POST')).status).toBe(400);
    expect((await request(host.port, '/assets/%E0%A4%A.js', { 'x-xoi-token': host.token })).status).toBe(400);
    expect((await request(host.port, '/', { cookie: `xoi_token_${host.port}=%E0%A4%A` })).status).toBe(400);
    expect((await request(host.port, '/', { cookie: `xoi_token_${host.port}=${host.token}` })).status).toBe(200);
    expect(logged.records.filter((record) => /\n\s+at /.test(record))).toEqual([]);
  });

  it('refuses a lone surrogate in any argument with INVALID_ARGUMENT, before the handler runs', async () => {
    const response = await fetch(`http://127.0.0.1:${host.port}/api/call/print.document`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-xoi-token': host.token },
      // JSON keeps the lone surrogate as an escape; JSON.parse on the server gives it back as it was sent.
      body: '{"kind":"report","key":"TWO/SC1/\\ud800"}',
    });
    const result = (await response.json()) as Result<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    if (!result.ok) expect(result.error.message).toMatch(/key: contains broken Unicode text/);
    expect(reached).toEqual([]);
  });

  it('never echoes more than a few hundred characters of a huge input', async () => {
    const huge = 'P'.repeat(900_000);
    for (const [method, args] of [
      ['profiles.activate', { id: huge }],
      ['profiles.save', { id: huge, name: 'x', apiUrl: 'https://a.example', userName: 'a' }],
      ['appointments.detail', { key: huge }],
      [huge, {}],
    ] as const) {
      const response = await fetch(`http://127.0.0.1:${host.port}/api/call/${method.slice(0, 1000)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-xoi-token': host.token },
        body: JSON.stringify(args),
      });
      const text = await response.text();
      expect(text.length).toBeLessThan(1200);
      expect(text).not.toContain('P'.repeat(250));
    }
  });
});

describe('the log', () => {
  it('keeps every record on one line, whatever the values hold', ({ defer }) => {
    const temp = makeTempDir();
    defer(() => temp.remove());
    const log = createNodeLogger({ logDir: temp.dir, fileName: 'test.log' });
    log.warn(`Saved profile "Prod\r\n[2026-01-01 00:00:00.000] [error] forged record"`);
    log.error('Request failed', new Error('first line\nsecond line\u2028third'));
    log.info('Answer', { message: 'multi\nline', nested: { more: 'a\rb' } });
    const lines = readFileSync(path.join(temp.dir, 'test.log'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('Prod\\r\\n[2026-01-01');
    expect(lines[1]).toMatch(/Error: first line\\nsecond line\\u2028third \[at /);
    for (const line of lines) expect(line).toMatch(/^\[\d{4}-\d\d-\d\d /);
  });
});
