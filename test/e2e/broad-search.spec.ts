import { expect, openConsole, test } from './fixtures';

// More rows than the quick counts sample (64 stretches of 256 ids): a broad search is estimated first.
test.use({ sandboxArgs: ['--sandbox-appointments', '40000', '--no-xoi-agent'] });

interface Exchange {
  asked: { counts?: string; total?: number; offset: number };
  answer: { total: number; counted: string; counts: Record<string, number> | null };
}

test('a broad search shows its first rows with estimated counts, then the exact counts', async ({
  page,
  consoleHost,
}) => {
  test.setTimeout(120_000);
  await openConsole(page, consoleHost, '#/appointments');
  await expect(page.getByText(/^40,000 appointments/)).toBeVisible({ timeout: 90_000 });

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
