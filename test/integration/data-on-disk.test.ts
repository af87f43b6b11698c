import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ProfileView } from '../../shared/contract';
import { createNodeLogger } from '../../electron/engine/logging';
import { defaultDataDir } from '../../electron/engine';
import { MirrorTooNewError, openMirrorForWriting } from '../../electron/engine/store';
import { type Sandbox } from '../../electron/sandbox';
import { readOnlyFolder } from '../support/read-only-folder';
import { runCli } from '../support/run-cli';
import { testSandbox } from '../support/sandbox';
import { serviceHarness } from '../support/service-harness';
import { makeTempDir } from '../support/temp-dir';

const posix = process.platform !== 'win32';
const mode = (file: string) => statSync(file).mode & 0o777;

describe('the data on disk', () => {
  let server: Sandbox;
  let harness: ReturnType<typeof serviceHarness>;

  beforeEach(async () => {
    server = await testSandbox();
    harness = serviceHarness({ sandboxUrl: server.url });
  });
  afterEach(async () => {
    await harness.close();
    await server.close();
  });

  it.runIf(posix)(
    'keeps the data folder private (0700) and its files 0600: profiles, mirrors and their journals, logs',
    async () => {
      const profile = await harness.call<ProfileView>('profiles.save', {
        name: 'Production',
        apiUrl: server.url,
        userName: 'admin',
        password: 'sandbox',
      });
      await harness.call('profiles.activate', { id: profile.id });
      await harness.call('sync.now');
      const mirrors = path.join(harness.dataDir, 'mirrors');
      expect(mode(harness.dataDir)).toBe(0o700);
      expect(mode(mirrors)).toBe(0o700);
      expect(mode(path.join(harness.dataDir, 'profiles.json'))).toBe(0o600);
      const files = readdirSync(mirrors).filter((name) => name.startsWith(profile.id));
      expect(files).toEqual(
        expect.arrayContaining([`${profile.id}.db`, `${profile.id}.db-wal`, `${profile.id}.db-shm`]),
      );
      for (const file of files) expect([file, mode(path.join(mirrors, file))]).toEqual([file, 0o600]);

      // A clean close folds the write-ahead log into the file and removes it (the readers close before the writer,
      // whose close is the last and may checkpoint); a log left behind would be replayed at the next start.
      await harness.service.close();
      expect(readdirSync(mirrors).filter((name) => name.startsWith(profile.id))).toEqual([`${profile.id}.db`]);

      const logDir = path.join(harness.dataDir, 'logs');
      createNodeLogger({ logDir, fileName: 'main.log' }).info('hello');
      expect(mode(logDir)).toBe(0o700);
      expect(mode(path.join(logDir, 'main.log'))).toBe(0o600);
    },
  );
});

describe('places the console is given', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('counts an empty XDG_CONFIG_HOME (or data folder override) as unset', () => {
    const expected = path.join(os.homedir(), '.config', 'XOi Console');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '' }, 'linux')).toBe(expected);
    expect(defaultDataDir({ XDG_CONFIG_HOME: '  ', XOI_CONSOLE_DATA_DIR: '' }, 'linux')).toBe(expected);
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe(path.join('/cfg', 'XOi Console'));
  });

  it('web --data-dir pointing at a file fails at start with one line', async () => {
    const file = path.join(temp.dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const outcome = await runCli(['web', '--data-dir', file]);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/is a file, not a folder/)]);
  });

  it('a database from a newer version is refused from its header, and no journal files appear beside it', () => {
    for (const journal of ['DELETE', 'WAL']) {
      const file = path.join(temp.dir, `newer-${journal}.db`);
      const db = new Database(file);
      db.pragma(`journal_mode = ${journal}`);
      db.exec('CREATE TABLE t (x)');
      db.pragma('user_version = 999');
      db.close();
      const before = readdirSync(temp.dir).sort();
      expect(() => openMirrorForWriting(file)).toThrow(MirrorTooNewError);
      expect(readdirSync(temp.dir).sort()).toEqual(before);
      expect(existsSync(`${file}-wal`) || existsSync(`${file}-shm`)).toBe(false);
    }
  });

  it('a damaged database is described in one line', async () => {
    const file = path.join(temp.dir, 'damaged.db');
    const db = new Database(file);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (randomblob(100000));');
    db.close();
    const bytes = readFileSync(file);
    bytes.fill(0x41, 4096, bytes.length);
    writeFileSync(file, bytes);
    const outcome = await runCli(['diagnose', '--all', '--db', file]);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/is damaged/)]);
  });

  it('a failed job prints its error once', async () => {
    const outcome = await runCli([
      'mirror',
      '--db',
      path.join(temp.dir, 'm.db'),
      '--sandbox',
      'http://127.0.0.1:1',
      '--once',
    ]);
    expect(outcome.code).toBe(1);
    expect(
      outcome.stderr.split('\n').filter((line) => line.startsWith('xoi-console:') || /cannot be reached/.test(line)),
    ).toHaveLength(1);
  });
});

describe('a read-only place', () => {
  let folder: ReturnType<typeof readOnlyFolder>;
  beforeEach(() => {
    folder = readOnlyFolder();
  });
  afterEach(() => folder.remove());

  it('a mirror on a read-only disk is reported as read-only, not as damaged, and nothing is created beside it', async () => {
    const file = path.join(folder.dir, 'mirror.db');
    openMirrorForWriting(file).db.close();
    folder.lock();
    const before = readdirSync(folder.dir).sort();
    const outcome = await folder.run(['mirror', '--db', file, '--sandbox', 'http://127.0.0.1:1', '--once']);
    expect(outcome.code, folder.kind).toBe(1);
    expect(outcome.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/read-only disk or folder/)]);
    expect(outcome.stderr).not.toMatch(/damaged/);
    expect(readdirSync(folder.dir).sort()).toEqual(before);
  });

  it('web --data-dir on a read-only folder fails at start with one line', async () => {
    folder.lock();
    const outcome = await folder.run(['web', '--data-dir', folder.dir]);
    expect(outcome.code, folder.kind).toBe(1);
    expect(outcome.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/cannot be written/)]);
  });
});
