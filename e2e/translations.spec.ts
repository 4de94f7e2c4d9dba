/**
 * Data in two languages (docs/contracts.md §1, `translations`): the reader's language where the
 * event has it, said to be a translation, the original a click away; search finds every language.
 */
import { test, expect } from './fixtures.ts';
import { chronologyEntries, chronologyEntry, serveDataset } from './helpers.ts';
import { makeFeature } from '../src/testing/dataset-factory.ts';

const MISSILES = 'North Korea tests cruise missiles fired from near the Sinpo submarine base';
const MISSILES_KO = '북한, 신포 잠수함 기지 인근에서 순항미사일 시험 발사';
const SINPO_SITE = "North Korea's submarine-building site at Sinpo is active";
const SINPO_SITE_KO = '북한 신포 잠수함 건조 기지에서 활동 포착';

test.describe('data in two languages', () => {
  test('in Korean, the Korean title is shown and marked as translated; Show original shows the English', async ({
    page,
  }) => {
    await page.goto('./?lang=ko');
    const entry = chronologyEntry(page, MISSILES_KO);
    await expect(entry).toBeVisible();
    await expect(entry).toContainText('번역');
    await expect(entry).toContainText('북한 함경남도 신포 잠수함 기지 인근');
    await expect(entry.getByText('번역', { exact: true })).toHaveAttribute(
      'title',
      '영어에서 번역',
    );
    await expect(page.getByText(MISSILES)).toHaveCount(0);

    await entry.getByRole('link', { name: MISSILES_KO }).click();
    const details = entry.getByRole('region', { name: MISSILES_KO });
    await expect(details).toContainText('영어에서 번역');
    await expect(details).toContainText('2024년 1월 북한은 신포의 잠수함 기지 인근에서');
    // The quote stays as the source wrote it.
    await expect(details.locator('blockquote')).toContainText('In January, North Korea tested');
    await expect(details.locator('blockquote')).toHaveAttribute('lang', 'en');

    await details.getByRole('button', { name: '원문 보기' }).click();
    await expect(details.getByText(MISSILES)).toBeVisible();
    await expect(details.getByText(MISSILES)).toHaveAttribute('lang', 'en');
    await expect(details).toContainText('In January 2024 North Korea tested cruise missiles');
    await expect(details).toContainText('Near the Sinpo submarine base, South Hamgyong Province');
    await expect(details).toContainText('원문');
    await details.getByRole('button', { name: '번역 보기' }).click();
    await expect(details.getByText(MISSILES)).toHaveCount(0);
    await expect(details).toContainText('2024년 1월 북한은');
  });

  test('in English, the English original is shown, unmarked', async ({ page }) => {
    await page.goto('./');
    const entry = chronologyEntry(page, MISSILES);
    await expect(entry).toBeVisible();
    await expect(entry.getByText('Translated', { exact: true })).toHaveCount(0);
    await entry.getByRole('link', { name: MISSILES }).click();
    const details = entry.getByRole('region', { name: MISSILES });
    await expect(details).toContainText('In January 2024 North Korea tested');
    await expect(details.getByRole('button', { name: 'Show original' })).toHaveCount(0);
  });

  test('"신포" finds the Sinpo events in English, saying the words are in their Korean text', async ({
    page,
  }) => {
    await page.goto('./');
    await page.getByRole('searchbox').fill('신포');
    await expect(page).toHaveURL(/\?q=%EC%8B%A0%ED%8F%AC$/);
    await expect(chronologyEntries(page)).toHaveText([
      new RegExp(MISSILES),
      new RegExp(SINPO_SITE),
    ]);
    await expect(page.getByText('Found in the Korean text of these events.')).toBeVisible();
    // English words the text shown holds need no such note.
    await page.getByRole('searchbox').fill('sinpo');
    await expect(chronologyEntries(page)).toHaveCount(3);
    await expect(page.getByText('Found in the Korean text of these events.')).toHaveCount(0);
  });

  test('"신포" finds the Sinpo events in Korean, by their Korean titles', async ({ page }) => {
    await page.goto('./?lang=ko&q=%EC%8B%A0%ED%8F%AC');
    await expect(chronologyEntries(page)).toHaveText([
      new RegExp(MISSILES_KO),
      new RegExp(SINPO_SITE_KO),
    ]);
    await expect(page.getByText('검색어는 이 사건들의')).toHaveCount(0);
  });

  test('a quote stays verbatim, its translation under it; a malformed translation is a warning', async ({
    page,
  }) => {
    await serveDataset(page, [
      makeFeature({
        id: 'quoted',
        properties: {
          title: 'A statement in Seoul',
          translations: { ko: { title: '서울에서 나온 성명' } },
          sources: [
            {
              publisher: 'Wire',
              quote: 'We will respond.',
              quoteTranslations: { ko: '대응하겠다.' },
            },
          ],
        },
      }),
      makeFeature({
        id: 'malformed',
        properties: { title: 'Kept all the same', translations: { ko: { title: 5 } } },
      }),
    ]);
    await page.goto('./events/quoted?lang=ko');
    const details = chronologyEntry(page, '서울에서 나온 성명').getByRole('region');
    await expect(details.locator('blockquote')).toHaveText('We will respond.');
    await expect(details).toContainText('인용문 번역');
    await expect(details.getByText('대응하겠다.')).toHaveAttribute('lang', 'ko');
    // Without metadata.language the original's language is not named.
    await expect(details).toContainText('번역');
    await details.getByRole('button', { name: '원문 보기' }).click();
    await expect(details.getByText('대응하겠다.')).toHaveCount(0);
    await expect(details.getByText('A statement in Seoul')).toBeVisible();

    // The event with the malformed translation is shown, warned about under Data issues.
    await page.goto('./');
    await expect(chronologyEntry(page, 'Kept all the same')).toBeVisible();
    await page.getByRole('button', { name: /Data issues/ }).click();
    await expect(page.getByRole('region', { name: /Data issues/ })).toContainText(
      'properties.translations.ko.title',
    );
  });
});
