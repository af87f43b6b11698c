import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * Integration tests run the real bundled CLI (child processes, crash tests), so the Node bundles are
 * rebuilt once before the run. The renderer is built too when missing, for the web host tests.
 */
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const result = spawnSync(
    process.execPath,
    ['scripts/build.mjs', ...(process.env.XOI_SKIP_RENDERER_BUILD ? ['--node-only'] : [])],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('The build failed; see the output above.');
}
