import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES, VERDICT_CODES } from '../../shared/diagnosis';
import { repoRoot } from '../support/paths';

const doc = readFileSync(path.join(repoRoot, 'docs', 'diagnosis-codes.md'), 'utf8');

describe('docs/diagnosis-codes.md', () => {
  it.each(VERDICT_CODES)('documents %s with its state', (code) => {
    const row = doc.split('\n').find((line) => line.startsWith(`| \`${code}\` |`));
    expect(row, `a table row for ${code}`).toBeDefined();
    expect(row).toContain(`| ${CODES[code].state} |`);
  });

  it('maps every documented cause of domain.md to a code', () => {
    for (const cause of [
      'See not registered',
      'XOi not enabled in MobileTech Admin',
      'unsupported versions',
      'setup not saved',
      'neither scheduled-and-assigned nor completed',
      'not a valid XOi user',
      'device that has not synced',
      'device has not synced again',
      'polling delay',
      'transcripts not yet processed',
      'Summary report was produced',
    ]) {
      expect(doc).toContain(cause);
    }
  });
});
