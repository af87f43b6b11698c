import { describe, expect, it } from 'vitest';
import { methods, profileSettingsSchema } from '../../shared/contract';
import { checkServerUrl } from '../../shared/server-url';
import { checkIntegrationPassword } from '../../shared/setup/password-rules';
import { describeZodError } from '../../shared/validation';

describe('URLs a person types', () => {
  it.each([
    ['', /Enter the Schedule API URL/],
    ['   ', /Enter the Schedule API URL/],
    ['schedule.fabrikam.com/ScheduleAPI', /must start with https:\/\//],
    ['//schedule.fabrikam.com', /must start with https:\/\//],
    ['ftp://schedule.fabrikam.com', /must use https:\/\/ or http:\/\/, not ftp:\/\//],
    ['javascript:alert(1)', /must start with https:\/\//],
    ['file:///C:/schedule', /must use https:\/\/ or http:\/\/, not file:\/\//],
    ['https://admin:secret@schedule.fabrikam.com', /Do not put a user name or password in the Schedule API URL/],
    ['https://admin@schedule.fabrikam.com', /Do not put a user name or password/],
    ['https://schedule fabrikam.com', /must not contain spaces/],
    ['https://schedule.fabrikam.com/Schedule API', /must not contain spaces/],
    ['https://schedüle.fabrikam.com', /non-ASCII characters; enter its ASCII form instead \(xn--/],
    ['https://рayрal.com', /non-ASCII characters/],
    ['https://schedule.fabrikam.com/?x=1', /must not contain "\?" or "#"/],
    ['https://schedule.fabrikam.com/#top', /must not contain "\?" or "#"/],
    ['https://', /not a valid web address|has no server name/],
    ['http://[::1', /not a valid web address/],
  ])('refuses %j, naming the field and what is allowed', (input, message) => {
    const result = checkServerUrl(input, 'Schedule API URL');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it.each([
    ['https://schedule.fabrikam.com/ScheduleAPI/', 'https://schedule.fabrikam.com/ScheduleAPI'],
    ['  http://10.0.0.5:8080/api  ', 'http://10.0.0.5:8080/api'],
    ['https://xn--schdle-dua.fabrikam.com', 'https://xn--schdle-dua.fabrikam.com'],
  ])('accepts %j as %j', (input, url) => {
    expect(checkServerUrl(input)).toEqual({ ok: true, url });
  });
});

describe('the setup password', () => {
  it.each([
    ['', '', 'PASSWORD_EMPTY'],
    ['\t  ', '\t  ', 'PASSWORD_EMPTY'],
    ['x'.repeat(65), 'x'.repeat(65), 'PASSWORD_TOO_LONG'],
    ['Right-one-123', 'Wrong-one-123', 'PASSWORD_MISMATCH'],
    ['Right-one-123', '', 'PASSWORD_MISMATCH'],
  ])('refuses %j / %j with %s and never repeats it', (password, confirm, code) => {
    const problems = checkIntegrationPassword(password, confirm, 64);
    expect(problems.map((problem) => problem.code)).toContain(code);
    for (const problem of problems) if (password.trim() !== '') expect(problem.message).not.toContain(password);
  });

  it('accepts a good password', () => {
    expect(checkIntegrationPassword('Correct-Horse-9', 'Correct-Horse-9', 64)).toEqual([]);
  });
});

describe('settings fields', () => {
  const valid = { syncIntervalMinutes: 2, pollDelayMinutes: 15, transcriptWindowHours: 12, statusOverrides: {} };
  it.each([
    [{ ...valid, syncIntervalMinutes: 0 }, /syncIntervalMinutes: must be at least 1 minute/],
    [{ ...valid, syncIntervalMinutes: 1441 }, /syncIntervalMinutes: must be at most 1440 minutes/],
    [{ ...valid, syncIntervalMinutes: 2.5 }, /syncIntervalMinutes/],
    [{ ...valid, pollDelayMinutes: -5 }, /pollDelayMinutes: must be at least 1 minute/],
    [{ ...valid, transcriptWindowHours: 1000 }, /transcriptWindowHours: must be at most 168 hours/],
    [{ ...valid, transcriptWindowHours: 'twelve' }, /transcriptWindowHours/],
    [{ ...valid, statusOverrides: { Working: 'sleeping' } }, /statusOverrides\.Working/],
  ])('refuses %j naming the field', (input, message) => {
    const parsed = profileSettingsSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(describeZodError(parsed.error)).toMatch(message);
  });

  it('refuses unknown fields in a settings call', () => {
    const parsed = methods['settings.save'].args.safeParse({ ...valid, colour: 'blue' });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(describeZodError(parsed.error)).toMatch(/colour/);
  });
});
