import { existsSync } from 'node:fs';
import path from 'node:path';
import { webHostHandlers } from '../../web/host-handlers';
import { openConsole } from '../../compose/open-console';
import { createNodeLogger } from '../../engine/logging/node-logger';
import { defaultDataDir, defaultLogDir, prepareDataDir } from '../../engine/paths';
import { isConsoleError } from '../../../shared/errors';
import { startWebHost } from '../../web/server';
import { integerFlag, parseFlags } from '../parse-flags';
import { CommandFailure } from '../usage-error';
import { waitForShutdown } from '../shutdown';
import { loadScenarioFile } from './sandbox';
import { checkWorldFits } from '../sandbox-memory';

export const webHelp = `xoi-console web [--port N] [--data-dir DIR] [--json] [--sandbox-scenario FILE] [--sandbox-appointments N] [--no-xoi-agent]
  Serves the console to a browser on 127.0.0.1 and prints the address to open (it carries an access token).`;

export async function runWeb(
  argv: string[],
  io: { stdout: NodeJS.WritableStream; rendererDir: string; workerDir: string },
): Promise<number> {
  const { values } = parseFlags('web', argv, {
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    json: { type: 'boolean' },
    'sandbox-scenario': { type: 'string' },
    'sandbox-appointments': { type: 'string' },
    'no-xoi-agent': { type: 'boolean' },
  });
  const port = integerFlag('port', values.port, 0, 65535) ?? 0;
  const appointments = integerFlag('sandbox-appointments', values['sandbox-appointments'], 0, 1_000_000);
  checkWorldFits('sandbox-appointments', appointments);
  const scenario = values['sandbox-scenario'] === undefined ? undefined : loadScenarioFile(values['sandbox-scenario']);
  if (!existsSync(path.join(io.rendererDir, 'index.html'))) {
    throw new CommandFailure(
      `The renderer is not built (no index.html in ${io.rendererDir}); run "npm run build" first.`,
    );
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();
  try {
    prepareDataDir(dataDir);
  } catch (error) {
    if (isConsoleError(error)) throw new CommandFailure(`${error.message} ${error.nextStep ?? ''}`.trim());
    throw error;
  }
  const log = createNodeLogger({
    logDir: values['data-dir'] ? path.join(dataDir, 'logs') : defaultLogDir(),
    fileName: 'web.log',
  });
  const runtime = await openConsole({
    host: 'web',
    version: __XOI_VERSION__,
    dataDir,
    log,
    workerDir: io.workerDir,
    hostHandlers: webHostHandlers,
    sandbox: {
      ...(scenario ? { scenario } : {}),
      ...(appointments !== undefined ? { appointments } : {}),
      ...(values['no-xoi-agent'] ? { xoiAgent: false } : {}),
    },
  });
  let host;
  try {
    const { dispatch } = runtime.service;
    host = await startWebHost({
      dispatch,
      events: runtime.service.events,
      staticDir: io.rendererDir,
      log,
      port,
      currentState: async () => {
        const frames: Array<{ name: string; payload: unknown }> = [];
        for (const [name, method] of [
          ['sync.status', 'sync.status'],
          ['health.changed', 'health.get'],
        ] as const) {
          const result = await dispatch(method, {});
          if (result.ok) frames.push({ name, payload: result.value });
        }
        return frames;
      },
    });
  } catch (error) {
    await runtime.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new CommandFailure(
        `Port ${port} is already in use; choose another with --port, or 0 for any free port.`,
        2,
      );
    throw error;
  }
  log.info(`Web host listening on 127.0.0.1:${host.port}`);
  io.stdout.write(
    values.json
      ? `${JSON.stringify({ url: host.url, port: host.port, dataDir, sandboxUrl: runtime.sandbox.url })}\n`
      : `XOi Console is running at ${host.url}\n`,
  );
  await waitForShutdown();
  await host.close();
  await runtime.close();
  return 0;
}
