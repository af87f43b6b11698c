import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
const dir = mkdtempSync('/tmp/xoi-shot-');
const child = spawn(process.execPath, ['dist/cli/xoi-console.cjs', 'web', '--json', '--data-dir', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
const line = await new Promise((r) => child.stdout.once('data', (d) => r(d.toString())));
const { url } = JSON.parse(line);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
page.on('console', (m) => { if (m.type() === 'error') console.log('console:', m.text()); });
await page.goto(url);
await page.waitForTimeout(4000);
for (const [name, hash] of [['dashboard', '#/dashboard'], ['appointments', '#/appointments'], ['setup', '#/setup'], ['technicians', '#/technicians'], ['activity', '#/activity'], ['settings', '#/settings']]) {
  await page.goto(url.replace(/\?.*/, '') + hash);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shot-${name}.png` });
}
await page.goto(url.replace(/\?.*/, '') + '#/appointments');
await page.waitForTimeout(1500);
await page.locator('a[href^="#/appointments/"]').nth(2).click();
await page.waitForTimeout(1500);
await page.screenshot({ path: '/tmp/shot-detail.png', fullPage: true });
await browser.close();
child.kill();
