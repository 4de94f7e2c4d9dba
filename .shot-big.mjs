import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto('http://127.0.0.1:4174/');
await page.getByRole('status').filter({ hasText: 'Showing' }).waitFor();
await page.evaluate(() => { window.__gaps = []; let last = performance.now(); const tick = (t) => { window.__gaps.push(t - last); last = t; requestAnimationFrame(tick); }; requestAnimationFrame(tick); });
const t0 = Date.now();
await page.getByLabel('Dataset file (CSV, GeoJSON or JSON)').first().setInputFiles(process.argv[2]);
for (let i = 0; i < 6; i++) { await page.waitForTimeout(400); const p = await page.locator('.load-progress p').textContent().catch(() => null); console.log(Date.now() - t0, 'ms', p); if (i === 2) await page.screenshot({ path: '/tmp/big-progress.png' }); }
await page.getByRole('status').filter({ hasText: 'Showing' }).waitFor({ timeout: 60000 });
console.log('ready', Date.now() - t0, 'ms', await page.getByRole('status').textContent());
const gaps = await page.evaluate(() => window.__gaps);
gaps.sort((a, b) => b - a);
console.log('longest frame gaps', gaps.slice(0, 5).map(Math.round));
await page.waitForTimeout(1000);
await page.screenshot({ path: '/tmp/big.png' });
await browser.close();
