/**
 * Every time zone reads the same dates. Event dates are calendar dates (a date-time belongs to the
 * calendar day of its own offset), never instants, so a reader in Los Angeles, London, Seoul or on
 * Kiritimati (UTC+14, the first to see a new day) sees the same labels, the same filter results
 * and the same quick ranges. The browser's time zone is the only thing that changes between the
 * describe blocks below.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { chronologyEntries, marker, serveDataset } from './helpers.ts';
import { makeFeature } from '../src/testing/dataset-factory.ts';

const TIME_ZONES = ['America/Los_Angeles', 'UTC', 'Asia/Seoul', 'Pacific/Kiritimati'] as const;

/** The bundled dataset's date labels in chronological order: the same everywhere. */
const BUNDLED_LABELS = [
  'Jan 2024',
  'June 2024',
  'Sept 2024',
  'c. Sept 2024',
  '4 Oct 2024?',
  '8 Oct 2024',
];

/**
 * Events around the turn of 1 March 2024 that a time-zone bug would move across midnight. The
 * three date-times are a few hours apart as instants (10:30, 00:00 and 23:30 UTC on 1 March), but
 * each is written in its own offset and belongs to the calendar day written there: 2 March on
 * Kiritimati, 29 February in Los Angeles, 1 March in UTC.
 */
const MIDNIGHT_EVENTS = [
  { id: 'tz-a-utc-late-evening', date: '2024-03-01T23:30:00Z', title: 'Late evening in UTC' },
  {
    id: 'tz-b-kiritimati-past-midnight',
    date: '2024-03-02T00:30:00+14:00',
    title: 'Just past midnight on Kiritimati',
  },
  {
    id: 'tz-c-los-angeles-afternoon',
    date: '2024-02-29T16:00:00-08:00',
    title: 'Leap-day afternoon in Los Angeles',
  },
  { id: 'tz-d-plain-day', date: '2024-03-01', title: 'A plain calendar day' },
  { id: 'tz-e-month', date: '2024-03', title: 'Sometime in March' },
  { id: 'tz-f-year', date: '2024', title: 'Sometime in the year' },
  { id: 'tz-g-interval', date: '2024-02-28/2024-03-02', title: 'Across the leap day' },
];

/** Chronological order (start, then end, then id), as a reader would expect it, with each label. */
const MIDNIGHT_CHRONOLOGY = [
  ['Sometime in the year', '2024'],
  ['Across the leap day', '28 Feb – 2 March 2024'],
  ['Leap-day afternoon in Los Angeles', '29 Feb 2024, 16:00 UTC-08:00'],
  ['Late evening in UTC', '1 March 2024, 23:30 UTC'],
  ['A plain calendar day', '1 March 2024'],
  ['Sometime in March', 'March 2024'],
  ['Just past midnight on Kiritimati', '2 March 2024, 00:30 UTC+14:00'],
] as const;

/** What overlaps 1 March 2024: not the Los Angeles afternoon (29 Feb) nor Kiritimati (2 March). */
const ON_FIRST_OF_MARCH = [
  'Sometime in the year',
  'Across the leap day',
  'Late evening in UTC',
  'A plain calendar day',
  'Sometime in March',
];
const FIRST_OF_MARCH_STATUS = 'Showing 5 of 7 events · 1 March 2024 – 1 March 2024';

function serveMidnightDataset(page: Page) {
  return serveDataset(
    page,
    MIDNIGHT_EVENTS.map(({ id, date, title }) => makeFeature({ id, properties: { title, date } })),
    'Events around midnight',
  );
}

async function titlesInList(page: Page): Promise<string[]> {
  return chronologyEntries(page).getByRole('link').allTextContents();
}

function dateInput(page: Page, name: 'From' | 'To') {
  return page.getByRole('textbox', { name, exact: true });
}

for (const timezoneId of TIME_ZONES) {
  test.describe(`in the time zone ${timezoneId}`, () => {
    test.use({ timezoneId });

    test('the bundled dataset shows the same date labels', async ({ page }) => {
      await page.goto('./');
      // The browser really is in that zone (a check on the test, not on the app).
      const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
      expect(zone.replace(/^Etc\//, '')).toBe(timezoneId);
      await expect(page.getByRole('status')).toHaveText(
        'Showing 6 of 6 events · 1 Jan 2024 – 8 Oct 2024',
      );
      await expect(chronologyEntries(page).locator('time')).toHaveText(BUNDLED_LABELS);
      const timeline = page.getByRole('region', { name: 'Timeline' });
      await expect(timeline.getByRole('slider', { name: 'Start of date range' })).toHaveAttribute(
        'aria-valuetext',
        '1 Jan 2024',
      );
      await expect(timeline.getByRole('slider', { name: 'End of date range' })).toHaveAttribute(
        'aria-valuetext',
        '8 Oct 2024',
      );
    });

    test('date-times near midnight keep their own calendar day, in the list and the filters', async ({
      page,
    }) => {
      await serveMidnightDataset(page);
      await page.goto('./');
      await expect(page.getByRole('status')).toHaveText(
        'Showing 7 of 7 events · 1 Jan 2024 – 31 Dec 2024',
      );
      await expect(chronologyEntries(page).getByRole('link')).toHaveText(
        MIDNIGHT_CHRONOLOGY.map(([title]) => title),
      );
      await expect(chronologyEntries(page).locator('time')).toHaveText(
        MIDNIGHT_CHRONOLOGY.map(([, label]) => label),
      );
      // Month headings come from the same calendar days.
      await expect(
        page.getByRole('list', { name: 'Chronology' }).getByRole('heading', { level: 2 }),
      ).toHaveText(['January 2024', 'February 2024', 'March 2024']);

      // The selected event's details say the same date as its entry.
      await page.goto('./events/tz-b-kiritimati-past-midnight');
      await expect(
        page.getByRole('region', { name: 'Just past midnight on Kiritimati' }),
      ).toContainText('2 March 2024, 00:30 UTC+14:00');
      // And so does its marker on the map.
      await expect(marker(page, 'Just past midnight on Kiritimati')).toHaveAccessibleName(
        'Just past midnight on Kiritimati, 2 March 2024, 00:30 UTC+14:00',
      );

      // Filtered by the URL.
      await page.goto('./?from=2024-03-01&to=2024-03-01');
      await expect(page.getByRole('status')).toHaveText(FIRST_OF_MARCH_STATUS);
      expect(await titlesInList(page)).toEqual(ON_FIRST_OF_MARCH);
      await expect(dateInput(page, 'From')).toHaveValue('2024-03-01');
      await expect(dateInput(page, 'To')).toHaveValue('2024-03-01');
      const timeline = page.getByRole('region', { name: 'Timeline' });
      await expect(timeline.getByRole('slider', { name: 'Start of date range' })).toHaveAttribute(
        'aria-valuetext',
        '1 March 2024',
      );
      await expect(timeline.getByRole('slider', { name: 'End of date range' })).toHaveAttribute(
        'aria-valuetext',
        '1 March 2024',
      );

      // One day either side: the Los Angeles afternoon is on 29 February, Kiritimati on 2 March.
      await page.goto('./?from=2024-02-29&to=2024-02-29');
      await expect(page.getByRole('status')).toHaveText(
        'Showing 3 of 7 events · 29 Feb 2024 – 29 Feb 2024',
      );
      expect(await titlesInList(page)).toEqual([
        'Sometime in the year',
        'Across the leap day',
        'Leap-day afternoon in Los Angeles',
      ]);
      await page.goto('./?from=2024-03-02&to=2024-03-02');
      await expect(page.getByRole('status')).toHaveText(
        'Showing 4 of 7 events · 2 March 2024 – 2 March 2024',
      );
      expect(await titlesInList(page)).toEqual([
        'Sometime in the year',
        'Across the leap day',
        'Sometime in March',
        'Just past midnight on Kiritimati',
      ]);
    });

    test('typing the same day into From and To gives the same results', async ({ page }) => {
      await serveMidnightDataset(page);
      await page.goto('./');
      await expect(page.getByRole('status')).toHaveText(/^Showing 7 of 7 events/);
      // Typed key by key, as a reader does (the field's segments are month, day, year in en-US).
      await dateInput(page, 'From').focus();
      await page.keyboard.type('03012024');
      await page.keyboard.press('Tab');
      await expect(page).toHaveURL(/\?from=2024-03-01$/);
      await dateInput(page, 'To').focus();
      await page.keyboard.type('03012024');
      await page.keyboard.press('Tab');
      await expect(page).toHaveURL(/\?from=2024-03-01&to=2024-03-01$/);
      await expect(page.getByRole('status')).toHaveText(FIRST_OF_MARCH_STATUS);
      expect(await titlesInList(page)).toEqual(ON_FIRST_OF_MARCH);
    });

    test('"Last 30 days" covers the same days and events', async ({ page }) => {
      await page.goto('./');
      const preset = page
        .getByRole('group', { name: 'Quick ranges' })
        .getByRole('button', { name: 'Last 30 days' });
      await preset.click();
      await expect(preset).toHaveAttribute('aria-pressed', 'true');
      await expect(page).toHaveURL(/\?from=2024-09-09(&to=2024-10-08)?$/);
      await expect(page.getByRole('status')).toHaveText(
        'Showing 4 of 6 events · 9 Sept 2024 – 8 Oct 2024',
      );
      await expect(chronologyEntries(page).locator('time')).toHaveText([
        'Sept 2024',
        'c. Sept 2024',
        '4 Oct 2024?',
        '8 Oct 2024',
      ]);

      // Over the midnight dataset, the data's last day is 31 December (the year's end).
      await serveMidnightDataset(page);
      await page.goto('./');
      await preset.click();
      await expect(page).toHaveURL(/\?from=2024-12-02(&to=2024-12-31)?$/);
      await expect(page.getByRole('status')).toHaveText(
        'Showing 1 of 7 events · 2 Dec 2024 – 31 Dec 2024',
      );
      expect(await titlesInList(page)).toEqual(['Sometime in the year']);
    });
  });
}
