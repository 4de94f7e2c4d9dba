/**
 * The interface in Korean and English (issue #26): every visible string comes from the catalogue
 * (checked with the pseudo-locale, which accents every catalogue string), Korean dates at their
 * precision, the language in the address and the switch, and axe in Korean.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { makeFeature } from '../src/testing/dataset-factory.ts';
import { DATASET_ROUTE, chronologyEntry, mapRegion, serveDataset } from './helpers.ts';

const SUMMIT_ID = 'pyongyang-summit-defense-pact';

/**
 * Visible text and accessible names on the page that are plain English: a text with a word of
 * three or more ASCII letters and no accented letter at all. Under the pseudo-locale every message
 * from the catalogue is accented ("Ŝĥōŵ àļļ"), placeholders and all around it, so what is left is a
 * string that bypassed the catalogue. Left out, as not the interface's: text from the dataset (it
 * carries dir="auto", and the dataset's title; a marker's name is its event's title and date),
 * dates (formatted by Intl, which writes the pseudo-locale's month names in English), the brand,
 * the map's attribution (the names of Leaflet and Natural Earth) and code (a field's name in the
 * data, like properties.title).
 */
const UNTRANSLATED_TEXT = `(() => {
  const ACCENTED = /[\\u00C0-\\u024F\\u1E00-\\u1EFF]/;
  const WORD = /[A-Za-z]{3,}/;
  const MONTH = /\\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\b/g;
  const SKIP = '[dir="auto"], .dataset-title, time, .brand, .leaflet-control-attribution, .leaflet-marker-icon, code, script, style, noscript, [aria-hidden="true"]';
  const found = [];
  const plainEnglish = (text) => WORD.test(text.replace(MONTH, '')) && !ACCENTED.test(text);
  const visible = (element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest(SKIP) || !visible(parent)) continue;
    if (plainEnglish(node.data)) found.push(parent.tagName.toLowerCase() + ': ' + node.data.trim());
  }
  for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    if (element.closest(SKIP) || !visible(element)) continue;
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = element.getAttribute(name);
      // A tooltip that repeats the element's text from the data (a title cut short on a phone).
      const repeatsData = name === 'title' && [...element.querySelectorAll('[dir="auto"]')].some((data) => data.textContent === value);
      if (value && plainEnglish(value) && !repeatsData) found.push(element.tagName.toLowerCase() + '[' + name + ']: ' + value);
    }
  }
  return [...new Set(found)];
})()`;

async function untranslatedText(page: Page): Promise<string[]> {
  return page.evaluate(UNTRANSLATED_TEXT) as Promise<string[]>;
}

async function mapDrawn(page: Page) {
  await expect(page.locator('.leaflet-basemap-pane canvas:not(.place-names)')).toBeVisible();
}

/** One record that is fine, and three the importer refuses, each for its own reason. */
const BROKEN_RECORDS = [
  makeFeature({ id: 'good-one', properties: { title: 'A good event' } }),
  makeFeature({ id: 'off-the-globe', coordinates: [10, 95] }),
  makeFeature({ id: 'bad-month', properties: { title: 'A bad month', date: '2024-13-01' } }),
  makeFeature({ id: 'numbered', properties: { title: 5 } }),
];

test.describe('the pseudo-locale finds no string outside the catalogue', () => {
  test('the explorer, desktop, and with an event open', async ({ page }) => {
    await page.goto('./?lang=en-XA');
    await mapDrawn(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
    expect(await untranslatedText(page)).toEqual([]);

    await page.goto(`./events/${SUMMIT_ID}?lang=en-XA`);
    await mapDrawn(page);
    await expect(page.locator('.chronology-item[aria-current="true"]')).toHaveCount(1);
    expect(await untranslatedText(page)).toEqual([]);
  });

  test('the Data issues panel, the reasons made by the importer included', async ({ page }) => {
    await serveDataset(page, BROKEN_RECORDS);
    await page.goto('./?lang=en-XA');
    await mapDrawn(page);
    await page.locator('.data-issues > button').click();
    await expect(page.locator('.data-issue-reason')).toHaveCount(3);
    expect(await untranslatedText(page)).toEqual([]);
  });

  test('the explorer on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`./events/${SUMMIT_ID}?lang=en-XA`);
    await mapDrawn(page);
    expect(await untranslatedText(page)).toEqual([]);
  });
});

test.describe('in Korean', () => {
  test('dates read in Korean at their precision: day, month, approximate and uncertain', async ({
    page,
  }) => {
    await page.goto('./?lang=ko');
    // ?lang=ko is written as the Korean address, /ko/.
    await expect(page).toHaveURL(/\/ko\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    const list = page.locator('.chronology');
    await expect(list).toContainText('2024년 10월 8일');
    await expect(list).toContainText('2024년 6월');
    await expect(list).toContainText('2024년 9월경');
    await expect(list).toContainText('2024년 10월 4일?');
    // The status line, with its count, in Korean.
    await expect(page.getByRole('status').first()).toContainText(/[가-힣]/);
  });

  test('the switch changes the language and the address keeps it; Copy link keeps it', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`./events/${SUMMIT_ID}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('link', { name: '한국어' }).click();
    await expect(page).toHaveURL(new RegExp(`/ko/events/${SUMMIT_ID}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    // The same event stays open.
    await expect(page.locator('.chronology-item[aria-current="true"]')).toHaveCount(1);
    // Share hands out the Korean address, for the link and the embed alike.
    await page.getByRole('button', { name: '공유' }).click();
    const link = await page.getByLabel('이 화면의 링크').inputValue();
    expect(link).toMatch(new RegExp(`/ko/events/${SUMMIT_ID}$`));
    const embed = await page.getByLabel('퍼가기 코드').inputValue();
    expect(embed).toContain(`/ko/events/${SUMMIT_ID}?embed=1`);
    await page.locator('.share-panel').getByRole('button', { name: '링크 복사' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await page.keyboard.press('Escape');

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(new RegExp(`/events/${SUMMIT_ID}\\?lang=en$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(chronologyEntry(page, /mutual defence pact/)).toHaveAttribute(
      'aria-current',
      'true',
    );
  });

  test('on a phone, the selected event’s card, its marker and the page title read in Korean', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('./ko/events/sinpo-submarine-site-activity');
    const korean = /신포 잠수함 건조 기지/;
    await expect(page.locator('.selection-bar-title')).toHaveText(korean);
    await expect(
      mapRegion(page).getByRole('button', { name: /신포 잠수함 건조 기지.*, 2024년 9월경$/ }),
    ).toBeVisible();
    await expect(page).toHaveTitle(korean);
  });

  test('Data issues say in Korean why each record was not shown', async ({ page }) => {
    await serveDataset(page, BROKEN_RECORDS);
    await page.goto('./?lang=ko');
    await page.getByRole('button', { name: /^데이터 문제/ }).click();
    const panel = page.getByRole('region', { name: '데이터 문제' });
    await expect(panel).toContainText('파일의 레코드 4건 중 3건을 표시할 수 없습니다.');
    await expect(panel.locator('.data-issue-reason')).toHaveText([
      '위도 95은(는) −90…90 범위를 벗어납니다',
      '"2024-13-01"에 13월은 없습니다',
      '텍스트가 있어야 하는데 숫자입니다',
    ]);
  });

  test('a file that cannot be read is explained in Korean, with Retry', async ({ page }) => {
    await page.route(DATASET_ROUTE, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Sign in</title>' }),
    );
    await page.goto('./?lang=ko');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('HTML 페이지로 보입니다. 주소가 맞나요?');
    await expect(alert.getByRole('button', { name: '다시 시도' })).toBeVisible();
  });

  test('a missing event’s suggestions and a story’s cover name the events in Korean', async ({
    page,
  }) => {
    await page.goto('./events/pyongyang-summit?lang=ko');
    const alert = page.getByRole('alert');
    await expect(
      alert.getByRole('link', { name: '푸틴과 김정은, 평양 정상회담에서 상호 방위 조약 합의' }),
    ).toBeVisible();

    await page.goto('./stories/north-korean-troops-in-russias-war?lang=ko');
    await expect(page.locator('.story-cover-event')).toHaveText(
      '국방부 장관 “우크라이나 전쟁에서 북한군 사상자 발생한 듯”',
    );
  });

  test('a language Dateline does not speak is corrected with a notice', async ({ page }) => {
    await page.goto('./?lang=fr');
    await expect(page.getByRole('alert')).toContainText('“fr”');
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  for (const size of [
    { name: 'desktop', width: 1280, height: 800 },
    { name: 'phone', width: 390, height: 844 },
  ] as const) {
    test(`axe finds nothing in Korean, ${size.name}, with and without an event open`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto('./ko/');
      await mapDrawn(page);
      await expectNoAxeViolations(page);
      await page.goto(`./ko/events/${SUMMIT_ID}`);
      await mapDrawn(page);
      await expect(page.locator('.chronology-item[aria-current="true"]')).toHaveCount(1);
      await expectNoAxeViolations(page);
      if (process.env.SCREENSHOTS) {
        await page.waitForTimeout(600);
        await page.screenshot({ path: `test-results/korean-${size.name}.png` });
      }
    });
  }
});
