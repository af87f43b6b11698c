import type { Page } from '@playwright/test';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, openConsole, test } from './fixtures';
import { inkIn, meanDifference, pdfPages, readPgm, renderPage } from '../support/pdf-tools';

const baseScenario = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '..', 'fixtures', 'scenarios', 'agent-basics.json'), 'utf8'),
) as Record<string, unknown>;

/** A server with 200 active companies, written for this test run (the sheet must list every one, once). */
const manyCompanies = (() => {
  const companies = Array.from({ length: 200 }, (_, index) => ({
    id: `C${String(index + 1).padStart(3, '0')}`,
    name: `Company ${String(index + 1).padStart(3, '0')} Mechanical Services`,
    active: true,
  }));
  return {
    ...baseScenario,
    companies: [
      ...companies,
      { id: 'TWO', name: 'Fabrikam, Inc.', active: true },
      { id: 'OLD', name: 'Old Co', active: false },
    ],
  };
})();

async function printSheet(page: Page, origin: string, file: string, format: 'Letter' | 'A4') {
  await page.emulateMedia({ media: 'print' });
  await page.goto(`${origin}/#/print/setup-sheet`);
  await expect(page.locator('body[data-print-ready="true"]')).toBeAttached();
  writeFileSync(file, await page.pdf({ format, preferCSSPageSize: false }));
  return pdfPages(file);
}

test.describe('the setup sheet, printed', () => {
  test('shows every field and company, and never the password, on Letter and A4', async ({ page, consoleHost }) => {
    await openConsole(page, consoleHost);
    for (const format of ['Letter', 'A4'] as const) {
      const pages = await printSheet(
        page,
        consoleHost.origin,
        path.join(consoleHost.dataDir, `sheet-${format}.pdf`),
        format,
      );
      const text = pages.join('\n');
      for (const expected of [
        'XOi Integration Setup sheet',
        'Customer: Fabrikam, Inc.',
        'User Name',
        'XOI_INTEGRATION',
        'API URL',
        'Signature Version',
        '2018',
        'Schedule version',
        '4.7',
        'MobileTech version',
        '8.6',
        'Active Dynamics Companies (2)',
        'Fabrikam, Inc.',
        'TWO',
        'Contoso Mechanical',
        'THREE',
        'Integration configured',
        'Never printed',
        'separate secure channel',
        'Checklist for XOi',
        'See feature registered for MobileTech: met',
      ]) {
        expect(text, `${format}: ${expected}`).toContain(expected);
      }
      expect(text).toMatch(/API URL\s+http:\/\/127\.0\.0\.1:\d+/);
      expect(text).not.toContain('Northwind HVAC (closed)');
      expect(text).toMatch(/Printed .+ \((UTC|[A-Za-z_]+\/[A-Za-z_/-]+)\)/);
      expect(text).not.toContain('xoi-sandbox-integration');
    }
  });

  test('page 1 keeps its layout: margins clear, title on top, close to the reviewed baseline', async ({
    page,
    consoleHost,
  }, testInfo) => {
    await openConsole(page, consoleHost);
    const pdf = path.join(consoleHost.dataDir, 'sheet.pdf');
    await printSheet(page, consoleHost.origin, pdf, 'Letter');
    const image = renderPage(pdf, 1, testInfo.outputPath('setup-sheet-page1'));
    expect(image.width).toBe(213);
    expect(image.height).toBe(275);
    // About 15 mm margins: nothing printed in the outer bands, ink in the title area.
    expect(inkIn(image, { x0: 0, x1: 1, y0: 0, y1: 0.04 })).toBe(0);
    expect(inkIn(image, { x0: 0, x1: 0.05, y0: 0, y1: 1 })).toBe(0);
    expect(inkIn(image, { x0: 0.95, x1: 1, y0: 0, y1: 1 })).toBe(0);
    expect(inkIn(image, { x0: 0.05, x1: 0.6, y0: 0.05, y1: 0.12 })).toBeGreaterThan(0.02);
    const baseline = path.resolve(import.meta.dirname, '..', 'fixtures', 'visual', 'setup-sheet-page1.pgm');
    if (process.env.UPDATE_VISUAL_BASELINES === '1')
      writeFileSync(baseline, readFileSync(testInfo.outputPath('setup-sheet-page1.pgm')));
    expect(existsSync(baseline), 'the reviewed baseline image (UPDATE_VISUAL_BASELINES=1 writes it)').toBe(true);
    // The printed time and the sandbox's port differ from run to run: a small difference is expected, a layout change is not.
    expect(meanDifference(image, readPgm(baseline))).toBeLessThan(4);
  });
});

test.describe('the setup sheet with 200 companies', () => {
  test.use({ sandboxScenario: manyCompanies, sandboxArgs: [] });

  test('prints every company row exactly once, over several pages, each with the table header', async ({
    page,
    consoleHost,
  }) => {
    await openConsole(page, consoleHost);
    const pages = await printSheet(page, consoleHost.origin, path.join(consoleHost.dataDir, 'many.pdf'), 'Letter');
    const text = pages.join('\n');
    for (let index = 1; index <= 200; index++) {
      const name = `Company ${String(index).padStart(3, '0')} Mechanical Services`;
      // The first company also names the customer in the sheet's heading ("Customer: Company 001 … and 199 more").
      const lines = text.split('\n').filter((line) => line.includes(name) && !line.includes('Customer:'));
      expect(lines, name).toHaveLength(1);
      expect(lines[0], `${name} and its id on one line`).toContain(`C${String(index).padStart(3, '0')}`);
    }
    const pagesWithRows = pages.filter((pageText) => /Company \d{3} Mechanical Services/.test(pageText));
    expect(pagesWithRows.length).toBeGreaterThan(2);
    for (const pageText of pagesWithRows) expect(pageText).toMatch(/Company Name\s+Company ID/);
  });
});
