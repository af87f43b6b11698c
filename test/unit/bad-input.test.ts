import { describe, expect, it } from 'vitest';
import { methods, profileSettingsSchema } from '../../shared/contract';
import { checkServerUrl, clip, describeZodError, findLoneSurrogate, messageOf } from '../../shared';
import { checkIntegrationPassword } from '../../shared/setup';
import { categoryOf } from '../../shared/domain';
import { csvCell, looksLikeFormula } from '../../electron/engine/queries';

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

describe('names a person types (profile name, user name)', () => {
  const save = (name: string, userName = 'admin') =>
    methods['profiles.save'].args.safeParse({ name, apiUrl: 'https://schedule.fabrikam.com', userName });

  it.each([
    ['Production\r\n2026-01-01 [error] forged', /name: must not contain line breaks/],
    ['Prod\u0007uction', /name: must not contain line breaks, tabs or other control characters/],
    ['Prod\u202euction', /name: must not contain right-to-left or left-to-right override/],
    ['Prod\u2066uction\u2069', /name: must not contain right-to-left/],
    ['\u200b\u200d\ufeff', /name: must contain visible characters/],
    ['\u00a0 \u2060', /name: must contain visible characters/],
    ['Prod\ud800uction', /name: contains broken Unicode text/],
    ['', /name: Enter a name for this connection/],
  ])('refuses the profile name %j, naming the field', (name, message) => {
    const parsed = save(name);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(describeZodError(parsed.error)).toMatch(message);
  });

  it('refuses the same in the user name', () => {
    const parsed = save('Production', 'admin\nroot');
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(describeZodError(parsed.error)).toMatch(/^userName: must not contain line breaks/);
  });

  it.each(['Production', 'Ünïcödé Prod', 'مرحبا', '東京 本社', 'Prod 🚀', 'O\u2019Brien & Sons'])(
    'accepts %j',
    (name) => {
      expect(save(name).success).toBe(true);
    },
  );

  it('finds a lone surrogate anywhere in a call, and never echoes a huge input whole', () => {
    expect(findLoneSurrogate({ kind: 'report', key: 'A/\udc00/1' })).toBe('key');
    expect(findLoneSurrogate({ filter: { companies: ['ok', 'bad\ud800'] } })).toBe('filter.companies.1');
    expect(findLoneSurrogate({ fine: '😀' })).toBeNull();
    expect(clip('x'.repeat(900_000)).length).toBeLessThanOrEqual(201);
    expect(clip('a\r\nb')).toBe('a\\r\\nb');
  });
});

describe('status names that are also names of object members', () => {
  const valid = { syncIntervalMinutes: 2, pollDelayMinutes: 15, transcriptWindowHours: 12 };

  it('refuses "__proto__" with a message instead of dropping it silently', () => {
    const parsed = profileSettingsSchema.safeParse(
      JSON.parse(`${JSON.stringify(valid).slice(0, -1)},"statusOverrides":{"__proto__":"closed"}}`),
    );
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(describeZodError(parsed.error)).toMatch(/statusOverrides: the status name "__proto__"/);
  });

  it('keeps and honours "constructor" and "toString", and never reads Object members as categories', () => {
    const parsed = profileSettingsSchema.parse({
      ...valid,
      statusOverrides: { constructor: 'closed', toString: 'completed' },
    });
    expect(parsed.statusOverrides).toEqual({ constructor: 'closed', toString: 'completed' });
    expect(categoryOf('constructor', new Map(), parsed.statusOverrides)).toBe('closed');
    expect(categoryOf('toString', new Map(), parsed.statusOverrides)).toBe('completed');
    expect(categoryOf('hasOwnProperty', new Map(), parsed.statusOverrides)).toBeNull();
    expect(categoryOf('constructor', new Map(), {})).toBeNull();
  });
});

describe('CSV cells a spreadsheet could run', () => {
  it.each([
    '=1+1',
    '+SUM(A1)',
    '-2+3',
    '@cmd',
    '\t=1',
    '\r=1',
    '\n=1',
    '  =1+1',
    '\u00a0=1',
    '\u200b=HYPERLINK("x")',
    '\ufeff@x',
    '\uff1d1+1',
    '\uff0bcmd',
    '\uff0d1',
    '\uff20x',
  ])('neutralises %j', (text) => {
    expect(looksLikeFormula(text)).toBe(true);
    expect(csvCell(text).replace(/^"/, '')).toMatch(/^'/);
  });

  it.each(['Fabrikam', 'SC-1001', 'a=b', ' plain', '2026-03-02'])('leaves %j as it is', (text) => {
    expect(looksLikeFormula(text)).toBe(false);
  });
});

describe('what was thrown, as a message', () => {
  it("gives an Error's own message without its stack, and anything else as text", () => {
    const error = new TypeError('The file is locked.');
    expect(messageOf(error)).toBe('The file is locked.');
    expect(messageOf('plain text')).toBe('plain text');
    expect(messageOf(42)).toBe('42');
    expect(messageOf(undefined)).toBe('undefined');
  });
});
