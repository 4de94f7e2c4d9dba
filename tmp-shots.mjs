import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const ORIGIN = 'http://127.0.0.1:4183';
const story = readFileSync('e2e/fixtures/stories/north-korea-in-ukraine.json', 'utf8').replace(
  'https://story-fixture.invalid/sinpo.png',
  `${ORIGIN}/events/sinpo-submarine-site-activity/card.png`,
);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const shots = (process.argv[2] ?? 'desktop-light-cover,desktop-light-step2').split(',');
for (const name of shots) {
  const [device, scheme, what] = name.split('-');
  const phone = device === 'phone';
  const context = await browser.newContext({
    viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 800 },
    deviceScaleFactor: phone ? 2 : 1,
    colorScheme: scheme,
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.route('**/data/stories/fixture.json', (r) => r.fulfill({ body: story, contentType: 'application/json' }));
  const path = what === 'cover' ? '/stories/fixture' : `/stories/fixture?step=${what.replace('step', '')}`;
  await page.goto(ORIGIN + path);
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `/tmp/shots-story/${name}.png` });
  await context.close();
}
await browser.close();
