import { chromium } from '@playwright/test';
const [port, out, ...views] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const civ = 'e2e/fixtures/real/ukraine-civilian-harm-2022.csv';
for (const scheme of ['light', 'dark']) {
  for (const [w, h, name] of [[1280, 800, 'desktop'], [390, 844, 'phone']]) {
    for (const view of views) {
      const page = await browser.newPage({ viewport: { width: w, height: h }, colorScheme: scheme });
      await page.route('**', (r) => (new URL(r.request().url()).hostname === '127.0.0.1' ? r.continue() : r.abort()));
      const [path, file] = view.split('+');
      await page.goto(`http://127.0.0.1:${port}${path}`);
      await page.getByRole('status').filter({ hasText: /^Showing/ }).waitFor();
      if (file === 'civ') {
        await page.getByLabel('Dataset file (CSV, GeoJSON or JSON)').first().setInputFiles(civ);
        await page.getByRole('status').filter({ hasText: /^Showing 563/ }).waitFor({ timeout: 30000 });
      }
      await page.waitForTimeout(1500);
      const slug = view.replace(/[^a-z0-9]+/gi, '_');
      await page.screenshot({ path: `${out}/${slug}-${name}-${scheme}.png` });
      await page.close();
    }
  }
}
await browser.close();
