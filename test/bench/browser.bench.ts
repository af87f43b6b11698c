import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../support/chromium';
import { makeTempDir } from '../support/temp-dir';
import { postWithoutDeadline, startChild, stop, type Figure } from './bench-utils';

/** The first rows as the page saw them: the route change to the first row in the DOM, and the list's request. */
async function firstRowsInThePage(page: Page, group: string): Promise<Figure[]> {
  const seen = await page.evaluate(() => {
    const probe = (window as unknown as { firstRowsProbe: { started: number; firstRow: number } }).firstRowsProbe;
    const list = performance
      .getEntriesByType('resource')
      .find((entry) => entry.name.endsWith('/api/call/appointments.query') && entry.startTime >= probe.started) as
      PerformanceResourceTiming | undefined;
    return {
      firstRow: probe.firstRow,
      sent: list ? list.startTime - probe.started : -1,
      answered: list ? list.responseEnd - probe.started : -1,
    };
  });
  return [
    {
      group,
      name: 'time to first rows, in the page',
      value: Math.round(seen.firstRow),
      unit: 'ms',
      note: "the route change to the first row in the DOM, on the page's clock",
    },
    {
      group,
      name: "of which the list's request, sent to answered",
      value: Math.round(seen.answered - seen.sent),
      unit: 'ms',
      note: `sent at ${Math.round(seen.sent)} ms, answered at ${Math.round(seen.answered)} ms`,
    },
  ];
}

/** The appointment list in real Chromium with a large mirror: first rows, DOM size, longest task while scrolling. */
export async function browserBench(appointments: number): Promise<Figure[]> {
  const temp = makeTempDir('xoi-bench-web-');
  const host = await startChild([
    'web',
    '--json',
    '--data-dir',
    temp.dir,
    '--sandbox-appointments',
    String(appointments),
    '--no-xoi-agent',
  ]);
  // Measured: the browser and the host's answers; the embedded sandbox's generation is only the set-up.
  const { url, port } = JSON.parse(host.line) as { url: string; port: number };
  const token = new URL(url).searchParams.get('token') ?? '';
  const group = `appointment list in Chromium (${appointments.toLocaleString('en-US')} rows)`;
  const figures: Figure[] = [];
  try {
    // Waits for the first full mirror (a "Sync now" joins the run in progress).
    const status = await postWithoutDeadline(
      `http://127.0.0.1:${port}/api/call/sync.now`,
      { 'x-xoi-token': token },
      {},
    );
    if (status !== 200) throw new Error(`the host's first mirror answered ${status}`);
    const browser = await chromium.launch(chromiumLaunchOptions);
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    await page.goto(url);
    // The dashboard first loads, then draws its counts and sizes and draws its charts: the list is opened once that
    // has settled, as an administrator would, so the figure is the list's and not the dashboard's work still running
    // on the same thread.
    await page.locator('.card-number').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(2_000);
    const started = Date.now();
    // The route change is made in the page, which also times it on its own clock: the driver's figure adds its own
    // round trips (about 70 ms here), and its process, holding the earlier parts' heap, can pause for collections.
    await page.evaluate(() => {
      const probe = { started: performance.now(), firstRow: 0 };
      Object.assign(window, { firstRowsProbe: probe });
      new MutationObserver((_records, observer) => {
        if (!document.querySelector('[data-testid="appointment-scroller"] [role="row"] a')) return;
        probe.firstRow = performance.now() - probe.started;
        observer.disconnect();
      }).observe(document.body, { childList: true, subtree: true });
      location.hash = '#/appointments';
    });
    await page.locator('[data-testid="appointment-scroller"] [role="row"] a').first().waitFor({ timeout: 60_000 });
    figures.push({
      group,
      name: 'time to first rows',
      value: Date.now() - started,
      unit: 'ms',
      note: 'by the test driver',
    });
    figures.push(...(await firstRowsInThePage(page, group)));
    const summary = await page.locator('.list-summary').innerText();
    const rowsInList = Number((/^([\d,.\s]+) appointments/.exec(summary)?.[1] ?? '0').replace(/\D/g, ''));
    figures.push({ group, name: 'rows in the list', value: rowsInList, unit: 'rows' });
    figures.push({
      group,
      name: 'DOM nodes',
      value: await page.evaluate(() => document.getElementsByTagName('*').length),
      unit: 'nodes',
      note: 'limit: 1,400',
    });
    const scrolling = await page.evaluate(async () => {
      const scroller = document.querySelector('[data-testid="appointment-scroller"]') as HTMLElement;
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((list) =>
        list.getEntries().forEach((entry) => longTasks.push(entry.duration)),
      );
      observer.observe({ type: 'longtask', buffered: false });
      let worstFrame = 0;
      let last = performance.now();
      const steps = [
        ...Array.from({ length: 120 }, (_, i) => i * 1_500),
        scroller.scrollHeight / 2,
        scroller.scrollHeight - 2_000,
        0,
      ];
      for (const top of steps) {
        scroller.scrollTop = top;
        await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
        const now = performance.now();
        worstFrame = Math.max(worstFrame, now - last);
        last = now;
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      observer.disconnect();
      return {
        longest: longTasks.length ? Math.max(...longTasks) : 0,
        count: longTasks.length,
        worstFrame,
        nodes: document.getElementsByTagName('*').length,
      };
    });
    figures.push({
      group,
      name: 'longest task while scrolling (0: none over 50 ms)',
      value: Math.round(scrolling.longest),
      unit: 'ms',
      note: `${scrolling.count} long tasks`,
    });
    figures.push({ group, name: 'longest frame while scrolling', value: Math.round(scrolling.worstFrame), unit: 'ms' });
    figures.push({ group, name: 'DOM nodes after scrolling', value: scrolling.nodes, unit: 'nodes' });
    // Past the browser's height limit the list scales its scroll space: the end of the scroll must still show the end.
    const lastShown = await page.evaluate(async (rows) => {
      const scroller = document.querySelector('[data-testid="appointment-scroller"]') as HTMLElement;
      scroller.scrollTop = scroller.scrollHeight;
      // Waits (at most ~10 s) for the rows at the end to load; a list that cannot reach them stops short. (No named
      // functions in here: the bundler would wrap them in a helper the page does not have.)
      let last = -1;
      for (let frame = 0; frame < 600; frame++) {
        last = -1;
        for (const row of scroller.querySelectorAll('[role="row"]'))
          if (row.querySelector('a')) last = Math.max(last, Number(row.getAttribute('aria-rowindex')) - 1);
        if (last >= rows) break;
        await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
      }
      return last;
    }, rowsInList);
    figures.push({
      group,
      name: 'last row shown at the end of the scroll',
      value: lastShown,
      unit: 'row',
      note: 'the same as the rows in the list when every row is reachable',
    });
    // The technicians page: 2,000 and more technicians at a million appointments, shown a page at a time.
    const technicians = `technicians page in Chromium (${appointments.toLocaleString('en-US')} appointments)`;
    const technicianStart = Date.now();
    await page.goto(`http://127.0.0.1:${port}/#/technicians`);
    await page.locator('table[aria-label="Technicians"] tbody tr').first().waitFor({ timeout: 60_000 });
    figures.push({ group: technicians, name: 'time to first rows', value: Date.now() - technicianStart, unit: 'ms' });
    figures.push({
      group: technicians,
      name: 'DOM nodes',
      value: await page.evaluate(() => document.getElementsByTagName('*').length),
      unit: 'nodes',
      note: await page
        .getByRole('navigation', { name: 'Technician pages, above the table' })
        .getByRole('status')
        .innerText(),
    });
    await browser.close();
  } finally {
    await stop(host.child);
    temp.remove();
  }
  return figures;
}
