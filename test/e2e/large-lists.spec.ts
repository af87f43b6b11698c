import AxeBuilder from '@axe-core/playwright';
import { expect, openConsole, test } from './fixtures';

// More rows than the quick counts sample (64 stretches of 256 ids), so a broad search is estimated first; and 120
// technicians, more than one page of the technicians table.
test.use({ sandboxArgs: ['--sandbox-appointments', '50000', '--no-xoi-agent'] });
// The first mirror of 50,000 appointments takes a while on a shared 2-core machine.
test.describe.configure({ timeout: 120_000 });

test.beforeEach(async ({ page, consoleHost }) => {
  await openConsole(page, consoleHost, '#/appointments');
  await expect(page.getByText(/^50,000 appointments/)).toBeVisible({ timeout: 90_000 });
});

interface Exchange {
  asked: { counts?: string; total?: number; offset: number };
  answer: { total: number; counted: string; counts: Record<string, number> | null };
}

test('a broad search shows its first rows with estimated counts, then the exact counts', async ({ page }) => {
  const exchanges: Exchange[] = [];
  page.on('response', async (response) => {
    if (!response.url().includes('/api/call/appointments.query')) return;
    const asked = JSON.parse(response.request().postData() ?? '{}') as Exchange['asked'];
    const body = (await response.json()) as { ok: boolean; value: Exchange['answer'] };
    if (body.ok) exchanges.push({ asked, answer: body.value });
  });
  await page.getByRole('searchbox', { name: 'Search' }).fill('001');

  // The summary settles on the exact total, said without "About", and the chips add up to it.
  const summary = page.locator('.list-summary');
  await expect(summary).toHaveText(/^[\d,]+ appointments/, { timeout: 20_000 });
  await expect.poll(() => exchanges.some((exchange) => exchange.answer.counted === 'exact')).toBe(true);
  const shown = Number((await summary.textContent())?.replace(/ appointments.*/, '').replace(/,/g, ''));
  const chips = await page.locator('.chip-count').allTextContents();
  expect(chips.every((chip) => /^[\d,]+$/.test(chip))).toBe(true);
  expect(chips.reduce((sum, chip) => sum + Number(chip.replace(/,/g, '')), 0)).toBe(shown);

  // What went over the wire: the first page with quick counts (an estimate), then the exact counts, which are shown.
  const first = exchanges.find((exchange) => exchange.asked.counts === 'quick');
  expect(first?.answer.counted).toBe('estimate');
  const exact = exchanges.find((exchange) => exchange.asked.counts === 'exact');
  expect(exact?.answer.total).toBe(shown);
  expect(Math.abs((first?.answer.total ?? 0) / shown - 1)).toBeLessThan(0.2);

  // Scrolling further asks for windows without counting again, giving the total it has.
  await page.getByTestId('appointment-scroller').evaluate((element) => element.scrollTo(0, 40 * 1000));
  await expect.poll(() => exchanges.some((exchange) => exchange.asked.counts === 'none')).toBe(true);
  const further = exchanges.find((exchange) => exchange.asked.counts === 'none');
  expect(further?.asked.total).toBe(shown);
  expect(further?.answer.counts).toBeNull();
});

test('the technicians table shows a page at a time, and finds a technician by name, id or email', async ({
  page,
  consoleHost,
}) => {
  await page.goto(`${consoleHost.origin}/#/technicians`);
  const above = page.getByRole('navigation', { name: 'Technician pages, above the table' });
  const bodyRows = page.getByRole('table', { name: 'Technicians' }).locator('tbody tr');
  await expect(above).toContainText('Showing 1–100 of 120 technicians');
  await expect(bodyRows).toHaveCount(100);
  await expect(above.getByRole('button', { name: 'Previous' })).toBeDisabled();
  const firstOnPageOne = await bodyRows.first().textContent();

  // By keyboard: the next page, then back.
  await above.getByRole('button', { name: 'Next' }).focus();
  await page.keyboard.press('Enter');
  await expect(above).toContainText('Showing 101–120 of 120 technicians');
  await expect(bodyRows).toHaveCount(20);
  await expect(above.getByRole('button', { name: 'Next' })).toBeDisabled();
  await expect(page.getByRole('navigation', { name: 'Technician pages, below the table' })).toContainText(
    'Showing 101–120 of 120 technicians',
  );
  expect(
    (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations,
  ).toEqual([]);
  await above.getByRole('button', { name: 'Previous' }).click();
  await expect(bodyRows.first()).toHaveText(firstOnPageOne ?? '');

  // Finding narrows the rows and starts again at the first page; every row shown holds every word.
  await above.getByRole('button', { name: 'Next' }).click();
  const find = page.getByRole('searchbox', { name: 'Find a technician' });
  await find.fill('ANA fabrikam');
  await expect(above).toContainText(/^Showing 1–\d+ of \d+ technicians$/);
  const shown = await bodyRows.allTextContents();
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.length).toBeLessThan(120);
  for (const text of shown) expect(text.toLowerCase()).toMatch(/ana.*fabrikam/);
  await find.fill('no such technician');
  await expect(above).toContainText('No technicians');
  await expect(bodyRows).toHaveCount(0);
  await expect(page.getByText('No technician matches “no such technician”.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(above).toContainText('Showing 1–100 of 120 technicians');
});
