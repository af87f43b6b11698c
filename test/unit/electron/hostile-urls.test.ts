import { describe, expect, it } from 'vitest';
import { checkExternalUrl, serverHosts } from '../../../shared/links';
import { silentLogger } from '../../../electron/engine/logging';
import { isAppUrl } from '../../../electron/main/app-origin';
import { guardWebContents, type GuardedContents } from '../../../electron/main/web-contents-guard';

/** At least fifty addresses an attacker (or a hostile note) might try. */
export const HOSTILE_URLS = [
  // userinfo tricks
  'https://xoi.io@evil.example/jobs',
  'https://vision.xoi.io:443@evil.example/',
  'https://user:pass@vision.xoi.io/jobs',
  'http://xoi.io%40evil.example/',
  'https://evil.example\\@xoi.io/',
  'https://evil.example#@xoi.io',
  'https://@evil.example',
  // look-alike hosts
  'https://xoi.io.evil.example/',
  'https://vision.xoi.io.attacker.net/jobactivity/1',
  'https://xoi-io.com/',
  'https://xo1.io/',
  'https://xoi.i0/',
  'https://xn--xi-rja.io/',
  'https://vision.xn--xi-rja.io/',
  'https://xοi.io/',
  'https://ⅹoi.io/',
  'https://xoi.io.',
  'https://evilxoi.io/',
  'https://docs.wennsoft.com.evil.example/',
  'https://wennsoft.com/',
  'https://xoeye.com.evil.example',
  'https://notxoeye.com/',
  'http://127.0.0.1:8080/',
  'http://localhost/',
  'http://[::1]/',
  'http://2130706433/',
  'http://0x7f000001/',
  'http://169.254.169.254/latest/meta-data',
  // script and data
  'javascript:alert(1)',
  'JavaScript:alert(document.cookie)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'javascript://%0aalert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml,<svg onload=alert(1)>',
  // files and local schemes
  'file:///etc/passwd',
  'file://C:/Windows/System32/calc.exe',
  'file:\\\\server\\share\\run.exe',
  '\\\\server\\share\\run.exe',
  'blob:https://xoi.io/uuid',
  'filesystem:https://xoi.io/temporary/x',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'view-source:https://xoi.io',
  // custom schemes
  'xoi-vision://activity/view?payload=%7B%7D',
  'ms-msdt:/id PCWDiagnostic',
  'search-ms:query=calc',
  'ms-officecmd:x',
  'smb://server/share',
  'ssh://root@host',
  'ftp://xoi.io/file',
  'mailto:someone@xoi.io',
  'tel:+15550100',
  'steam://run/1',
  'app://console.evil/index.html',
  // malformed and invisible
  '',
  'https://',
  'https://xoi.io/\u202e/gnp.exe',
  'https://vision.xoi.io/jobs/\u200b1',
  'https://vision.xoi.io/ jobs',
  `https://vision.xoi.io/${'a'.repeat(5000)}`,
];

/** Stands in for a WebContents: records the listeners the guard installs so the test can fire them. */
function standInContents() {
  const listeners = new Map<string, (event: { preventDefault(): void; url: string }, url?: string) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents: GuardedContents = {
    on: ((event: string, listener: (event: { preventDefault(): void; url: string }, url?: string) => void) => {
      listeners.set(event, listener);
      return contents;
    }) as GuardedContents['on'],
    setWindowOpenHandler: (handler) => {
      openHandler = handler;
    },
  };
  return { contents, listeners, open: (url: string) => openHandler?.({ url }) };
}

describe('hostile URLs are neither navigated to nor opened', () => {
  it('has at least fifty of them', () => {
    expect(HOSTILE_URLS.length).toBeGreaterThanOrEqual(50);
  });

  it.each(HOSTILE_URLS)('refuses to open %s in the system browser', (url) => {
    expect(checkExternalUrl(url, ['schedule.fabrikam.test']).ok).toBe(false);
  });

  it.each(HOSTILE_URLS)('blocks navigation to %s and opens nothing', (url) => {
    const opened: string[] = [];
    const { contents, listeners, open } = standInContents();
    guardWebContents(contents, {
      openInBrowser: (target) => void opened.push(target),
      trustedHosts: () => ['schedule.fabrikam.test'],
      log: silentLogger,
    });
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      let prevented = false;
      listeners.get(event)?.({ preventDefault: () => (prevented = true), url }, url);
      expect(prevented, event).toBe(true);
    }
    let webviewPrevented = false;
    listeners.get('will-attach-webview')?.({ preventDefault: () => (webviewPrevented = true), url });
    expect(webviewPrevented).toBe(true);
    expect(open(url)).toEqual({ action: 'deny' });
    expect(opened).toEqual([]);
  });

  it('lets the console navigate within app://console', () => {
    const { contents, listeners } = standInContents();
    guardWebContents(contents, { openInBrowser: () => {}, trustedHosts: () => [], log: silentLogger });
    let prevented = false;
    listeners.get('will-navigate')?.(
      { preventDefault: () => (prevented = true), url: 'app://console/index.html#/setup' },
      'app://console/index.html#/setup',
    );
    expect(prevented).toBe(false);
    expect(isAppUrl('app://console/index.html')).toBe(true);
  });

  it.each([
    'https://vision.xoi.io/jobactivity/cjob-1',
    'https://share.xoi.io/s/abc',
    'https://docs.wennsoft.com/mt80/xoi-deep-linking-setup',
    'https://schedule.fabrikam.test/ScheduleAPI',
  ])('opens the trusted link %s in the system browser, never in a new window', (url) => {
    const opened: string[] = [];
    const { contents, open } = standInContents();
    guardWebContents(contents, {
      openInBrowser: (target) => void opened.push(target),
      trustedHosts: () => ['schedule.fabrikam.test'],
      log: silentLogger,
    });
    expect(open(url)).toEqual({ action: 'deny' });
    expect(opened).toEqual([new URL(url).toString()]);
  });
});

describe('the configured Schedule servers as trusted link hosts', () => {
  it("takes each profile URL's host name and skips what is not a URL", () => {
    expect(serverHosts(['https://schedule.example.com/ScheduleAPI', 'not a url', 'http://10.0.0.5:8080'])).toEqual([
      'schedule.example.com',
      '10.0.0.5',
    ]);
    expect(
      checkExternalUrl(
        'https://schedule.example.com/appointments',
        serverHosts(['https://schedule.example.com/ScheduleAPI']),
      ).ok,
    ).toBe(true);
    expect(
      checkExternalUrl(
        'https://schedule.example.com.evil.test/',
        serverHosts(['https://schedule.example.com/ScheduleAPI']),
      ).ok,
    ).toBe(false);
  });
});
