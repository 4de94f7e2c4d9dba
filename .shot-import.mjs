import { chromium } from '@playwright/test';
const [, , files = '', out = '/tmp/imp.png', w = '1280', h = '800', confirm = '1'] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: +w, height: +h } });
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.route((u) => !['127.0.0.1', 'localhost'].includes(new URL(u).hostname), (r) => r.abort());
await page.goto('http://127.0.0.1:4174/');
await page.getByRole('status').filter({ hasText: 'Showing' }).waitFor();
const t0 = Date.now();
await page.getByLabel('Dataset file (CSV, GeoJSON or JSON)').setInputFiles(files.split(',').map((f) => '/work/shared/datasets/' + f));
await page.waitForTimeout(300);
await page.screenshot({ path: out.replace('.png', '-a.png') });
const dialog = page.getByRole('dialog');
if (await dialog.isVisible().catch(() => false)) {
  console.log('dialog shown');
  await page.screenshot({ path: out.replace('.png', '-dialog.png') });
  if (confirm === '1') await dialog.getByRole('button', { name: 'Import' }).click();
}
await page.getByRole('status').filter({ hasText: 'Showing' }).waitFor({ timeout: 30000 }).catch(() => {});
console.log('status:', await page.getByRole('status').first().textContent(), Date.now() - t0, 'ms', page.url());
await page.waitForTimeout(800);
await page.screenshot({ path: out });
await browser.close();
