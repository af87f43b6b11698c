import { describe, expect, it } from 'vitest';
import { REDACTED, redactText, redactValue } from '../../shared';

describe('redaction', () => {
  const canary = 'Canary-7f3a9e21-Pw!';

  it.each([
    [`Authorization: ${canary}`],
    [`authorization=${canary}`],
    [`{"password":"${canary}"}`],
    [`password=${canary}&user=admin`],
    [`api_secret: "${canary}"`],
    [`apiKey=${canary}`],
    [`token=${canary}`],
    [`Server=db;User Id=sa;Password=${canary};`],
    [`https://admin:${canary}@schedule.example.com/api`],
    [`Basic ${Buffer.from(`admin:${canary}`).toString('base64')}`],
    [`Bearer ${canary}`],
  ])('removes the secret from %s', (text) => {
    const out = redactText(text);
    expect(out).not.toContain(canary);
    expect(out).not.toContain(Buffer.from(`admin:${canary}`).toString('base64'));
    expect(out).toContain(REDACTED);
  });

  it('removes an exact known secret wherever it appears', () => {
    expect(redactText(`the value ${canary} leaked into free text`, [canary])).toBe(
      `the value ${REDACTED} leaked into free text`,
    );
  });

  it('blanks secret-looking keys in nested objects and keeps the rest', () => {
    const out = redactValue({
      user: 'admin',
      password: canary,
      nested: { apiSecret: canary, note: 'ok' },
      list: [{ token: canary }],
    });
    expect(JSON.stringify(out)).not.toContain(canary);
    expect(out).toMatchObject({ user: 'admin', nested: { note: 'ok' } });
  });

  it('redacts error messages and stacks', () => {
    const error = new Error(`login failed for password=${canary}`);
    const out = redactValue(error) as Error;
    expect(out.message).not.toContain(canary);
    expect(out.stack ?? '').not.toContain(canary);
  });

  it('leaves ordinary text alone', () => {
    expect(redactText('Synced 120 appointments from https://schedule.example.com/api/v1')).toBe(
      'Synced 120 appointments from https://schedule.example.com/api/v1',
    );
  });
});
