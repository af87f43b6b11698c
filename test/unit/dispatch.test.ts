import { describe, expect, it } from 'vitest';
import { ConsoleError } from '../../shared';
import { createDispatch, type Handlers } from '../../electron/engine';
import { type Logger } from '../../electron/engine/logging';
import { handlersWith } from '../support/handlers';

function recordingLogger() {
  const lines: string[] = [];
  const logger: Logger = {
    debug: (m) => lines.push(`debug ${m}`),
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m, ...d) => lines.push(`error ${m} ${d.map(String).join(' ')}`),
  };
  return { logger, lines };
}

function handlersWithInfo(appInfo: Handlers['app.info']): Handlers {
  return handlersWith({ 'app.info': appInfo });
}

describe('dispatch', () => {
  it('answers a known method with its value in an ok envelope', async () => {
    const { logger } = recordingLogger();
    const dispatch = createDispatch(
      handlersWithInfo(() => ({ name: 'XOi Console', version: '9.9.9', host: 'web', platform: 'linux' })),
      logger,
    );
    expect(await dispatch('app.info', {})).toEqual({
      ok: true,
      value: { name: 'XOi Console', version: '9.9.9', host: 'web', platform: 'linux' },
    });
  });

  it('refuses an unknown method by name', async () => {
    const dispatch = createDispatch(
      handlersWithInfo(() => {
        throw new Error('must not run');
      }),
      recordingLogger().logger,
    );
    const result = await dispatch('app.shutdown', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('parses arguments before the handler runs, naming the offending field', async () => {
    let ran = false;
    const dispatch = createDispatch(
      handlersWithInfo(() => {
        ran = true;
        return { name: '', version: '', host: 'web', platform: '' };
      }),
      recordingLogger().logger,
    );
    const result = await dispatch('app.info', { surprise: 1 });
    expect(ran).toBe(false);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_ARGUMENT');
      expect(result.error.message).toContain('surprise');
    }
  });

  it('hands the handler its caller, and a field-bound error keeps its field', async () => {
    const seen: unknown[] = [];
    const dispatch = createDispatch(
      handlersWith({
        'print.ready': (_args, caller) => {
          seen.push(caller);
          return { acknowledged: caller.webContentsId === 7 };
        },
        'setup.apply': () => {
          throw new ConsoleError('PASSWORD_TOO_LONG', 'Password: too long.', 'Shorten it.', { field: 'password' });
        },
      }),
      recordingLogger().logger,
    );
    expect(await dispatch('print.ready', { ok: true }, { webContentsId: 7 })).toEqual({
      ok: true,
      value: { acknowledged: true },
    });
    expect(await dispatch('print.ready', { ok: true })).toEqual({ ok: true, value: { acknowledged: false } });
    expect(seen).toEqual([{ webContentsId: 7 }, {}]);
    expect(await dispatch('setup.apply', { password: 'x', confirmPassword: 'x' })).toEqual({
      ok: false,
      error: { code: 'PASSWORD_TOO_LONG', message: 'Password: too long.', nextStep: 'Shorten it.', field: 'password' },
    });
    const parsed = await dispatch('profiles.save', { name: 'X', apiUrl: 3 });
    expect(parsed.ok ? null : parsed.error.field).toBe('apiUrl');
  });

  it('turns a ConsoleError into its code, sentence and next step', async () => {
    const dispatch = createDispatch(
      handlersWithInfo(() => {
        throw new ConsoleError('SERVER_UNREACHABLE', 'The server did not answer.', 'Check the URL.');
      }),
      recordingLogger().logger,
    );
    expect(await dispatch('app.info', {})).toEqual({
      ok: false,
      error: { code: 'SERVER_UNREACHABLE', message: 'The server did not answer.', nextStep: 'Check the URL.' },
    });
  });

  it('hides an unexpected error behind a plain sentence and logs it', async () => {
    const { logger, lines } = recordingLogger();
    const dispatch = createDispatch(
      handlersWithInfo(() => {
        throw new TypeError(
          'cannot read properties of undefined (reading "x") at Object.<anonymous> (/src/file.ts:1:1)',
        );
      }),
      logger,
    );
    const result = await dispatch('app.info', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INTERNAL_ERROR');
      expect(JSON.stringify(result.error)).not.toMatch(/file\.ts|at Object|TypeError/);
      expect(result.error.nextStep).toMatch(/log/);
    }
    expect(lines.some((line) => line.startsWith('error Unexpected error in app.info'))).toBe(true);
  });
});
