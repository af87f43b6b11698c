import { defaultRendererDir, defaultWorkerDir, runCli } from './main';
import { messageOf } from '../../shared/validation';

// Output piped into a command that stops reading early (| head) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

// The bundled bin: dist/cli/xoi-console.cjs, next to dist/renderer.
runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  rendererDir: process.env.XOI_CONSOLE_RENDERER_DIR ?? defaultRendererDir(__dirname),
  workerDir: defaultWorkerDir(__dirname),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`xoi-console: ${messageOf(error)}\n`);
    process.exitCode = 1;
  },
);
