import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const cliBundle = path.join(repoRoot, 'dist', 'cli', 'xoi-console.cjs');
