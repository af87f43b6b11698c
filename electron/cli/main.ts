import { clip, messageOf } from '../../shared/validation';
import path from 'node:path';
import { diagnoseHelp, runDiagnose } from './commands/diagnose';
import { healthHelp, runHealth } from './commands/health';
import { mirrorHelp, runMirror } from './commands/mirror';
import { runSandbox, sandboxHelp } from './commands/sandbox';
import { runXoiUsers, xoiUsersHelp } from './commands/xoi-users';
import { runWeb, webHelp } from './commands/web';
import { CommandFailure, UsageError } from './usage-error';

const HELP = `xoi-console: the XOi Console from the command line.

Commands:
  ${[webHelp, sandboxHelp, mirrorHelp, diagnoseHelp, healthHelp, xoiUsersHelp].map((help) => help.split('\n').join('\n  ')).join('\n  ')}

Exit codes: 0 success, 1 the work failed, 2 the command was called wrongly.`;

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin?: NodeJS.ReadableStream;
  /** Where the built renderer lives (next to the bundled CLI). */
  rendererDir: string;
  /** The folder of the bundled workers. */
  workerDir: string;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'web':
        return await runWeb(rest, io);
      case 'sandbox':
        return await runSandbox(rest, io);
      case 'mirror':
        return await runMirror(rest, io);
      case 'diagnose':
        return await runDiagnose(rest, io);
      case 'health':
        return await runHealth(rest, io);
      case 'xoi-users':
        return await runXoiUsers(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(`${HELP}\n`);
        return command === undefined ? 2 : 0;
      case '--version':
        io.stdout.write(`${__XOI_VERSION__}\n`);
        return 0;
      default:
        throw new UsageError(`Unknown command "${clip(command)}". Run "xoi-console help" to see the commands.`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`xoi-console: ${error.message}\n`);
      return 2;
    }
    if (error instanceof CommandFailure) {
      io.stderr.write(`xoi-console: ${error.message}\n`);
      return error.exitCode;
    }
    const message = messageOf(error);
    io.stderr.write(`xoi-console: unexpected failure: ${message.split('\n')[0]}\n`);
    return 1;
  }
}

export function defaultRendererDir(bundleDir: string): string {
  return path.resolve(bundleDir, '..', 'renderer');
}

export function defaultWorkerDir(bundleDir: string): string {
  return path.resolve(bundleDir, '..', 'electron');
}
