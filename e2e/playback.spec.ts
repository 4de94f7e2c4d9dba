import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { mapRegion, serveDataset } from './helpers.ts';
import { makeFeature } from '../src/testing/dataset-factory.ts';

/** One event every Monday of 2023, 2 January to 25 December: a week holds exactly one. */
function weeklyDataset() {
  return Array.from({ length: 52 }, (_, index) => {
    const day = new Date(Date.UTC(2023, 0, 2 + index * 7)).toISOString().slice(0, 10);
    return makeFeature({
      id: `week-${index + 1}`,
      coordinates: [10 + (index % 13), 45 + Math.floor(index / 13)],
      properties: { title: `Weekly event ${index + 1}`, date: day },
    });
  });
}

function timeline(page: Page) {
  return page.getByRole('region', { name: 'Timeline' });
}

function fields(page: Page) {
  return {
    from: timeline(page).getByLabel('From', { exact: true }),
    to: timeline(page).getByLabel('To', { exact: true }),
  };
}

const play = (page: Page) => timeline(page).getByRole('button', { name: 'Play', exact: true });
const pause = (page: Page) => timeline(page).getByRole('button', { name: 'Pause', exact: true });
const settings = (page: Page) => timeline(page).getByRole('button', { name: /^Speed and mode/ });

/** Resolves once the To field has shown more than `count` different values. */
async function seeToMove(page: Page, count = 2) {
  const seen = new Set<string>();
  await expect
    .poll(
      async () => {
        seen.add(await fields(page).to.inputValue());
        return seen.size;
      },
      { intervals: [50] },
    )
    .toBeGreaterThan(count);
  return [...seen];
}

test.describe('playback on the timeline', () => {
  test('Play moves the window through time; Pause stops it where it is, and the link holds it', async ({
    page,
  }) => {
    await page.goto('./');
    const status = page.getByRole('status');
    await expect(status).toHaveText(/^Showing 6 of 6 events/);
    await play(page).click();
    await expect(pause(page)).toBeVisible();
    // The window is a tenth of the data's span, moving on from its beginning.
    await seeToMove(page);
    await expect(status).not.toHaveText(/^Showing 6 of 6 events/);
    await pause(page).click();
    await expect(play(page)).toBeVisible();
    const paused = {
      from: await fields(page).from.inputValue(),
      to: await fields(page).to.inputValue(),
    };
    // Some frames later, nothing has moved, and the address holds the frame.
    await page.waitForTimeout(400);
    expect(await fields(page).from.inputValue()).toBe(paused.from);
    expect(await fields(page).to.inputValue()).toBe(paused.to);
    await expect.poll(() => new URL(page.url()).searchParams.get('to')).toBe(paused.to);
    await expectNoAxeViolations(page);
  });

  test('cumulative: From stays where it was while To grows', async ({ page }) => {
    await serveDataset(page, weeklyDataset());
    await page.goto('./?from=2023-03-06&to=2023-03-12&play=week,8x,cumulative');
    await expect(page.getByRole('status')).toHaveText(/^Showing 1 of 52 events/);
    await play(page).click();
    const seen = await seeToMove(page, 3);
    await pause(page).click();
    expect(await fields(page).from.inputValue()).toBe('2023-03-06');
    const sorted = [...seen].sort();
    expect(seen).toEqual(sorted);
    const shown = Number(
      /Showing (\d+)/.exec((await page.getByRole('status').textContent()) ?? '')?.[1],
    );
    expect(shown).toBeGreaterThan(1);
  });

  test('the settings are in the address, and a paused link reopens at that frame with them', async ({
    page,
    context,
  }) => {
    await serveDataset(page, weeklyDataset());
    await page.goto('./?from=2023-03-06&to=2023-03-19');
    await settings(page).click();
    const panel = timeline(page).getByRole('group', { name: 'Window' });
    await panel.getByRole('radio', { name: 'A week (from Monday)' }).check();
    await timeline(page).getByRole('radio', { name: '2×' }).check();
    await timeline(page).getByRole('radio', { name: 'Loop from the start' }).check();
    await expect(settings(page)).toHaveAccessibleName('Speed and mode, 2×');
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).searchParams.get('play')).toBe('week,2x,loop');

    await play(page).click();
    await seeToMove(page);
    await pause(page).click();
    const frame = {
      from: await fields(page).from.inputValue(),
      to: await fields(page).to.inputValue(),
    };
    // Both ends at once: the address is written a moment after the pause, and its end may
    // already match the frame's before it is (a window that ends where the first one did).
    await expect
      .poll(() => {
        const search = new URL(page.url()).searchParams;
        return [search.get('from'), search.get('to')];
      })
      .toEqual([frame.from, frame.to]);

    const again = await context.newPage();
    await serveDataset(again, weeklyDataset());
    await again.goto(page.url());
    await expect(fields(again).from).toHaveValue(frame.from);
    await expect(fields(again).to).toHaveValue(frame.to);
    await expect(play(again)).toBeVisible();
    await settings(again).click();
    await expect(
      timeline(again).getByRole('radio', { name: 'A week (from Monday)' }),
    ).toBeChecked();
    await expect(timeline(again).getByRole('radio', { name: '2×' })).toBeChecked();
    await expect(timeline(again).getByRole('radio', { name: 'Loop from the start' })).toBeChecked();
  });

  test('a bad setting in the address is left out with a notice', async ({ page }) => {
    await page.goto('./?play=week,warp');
    await expect(page.getByText(/The playback setting “warp” is not known/)).toBeVisible();
    await expect.poll(() => new URL(page.url()).search).toBe('?play=week');
  });

  test('Space in the timeline plays and pauses; in a date field it types', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('status')).toHaveText(/^Showing 6 of 6 events/);
    await timeline(page).getByRole('button', { name: 'Last 30 days' }).focus();
    await page.keyboard.press('Space');
    await expect(pause(page)).toBeVisible();
    await page.keyboard.press('Space');
    await expect(play(page)).toBeVisible();
    // The quick range itself was not chosen by the Space.
    await expect(timeline(page).getByRole('button', { name: 'Last 30 days' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await timeline(page).getByRole('slider', { name: 'End of date range' }).focus();
    await page.keyboard.press('Space');
    await expect(pause(page)).toBeVisible();
    await page.keyboard.press('Space');
    await expect(play(page)).toBeVisible();
    await fields(page).from.focus();
    await page.keyboard.press('Space');
    await expect(play(page)).toBeVisible();
  });

  test('any interaction outside the controls pauses: a press on the map, a key, a search', async ({
    page,
  }) => {
    await serveDataset(page, weeklyDataset());
    await page.goto('./?play=0.5x');
    await expect(page.getByRole('status')).toHaveText(/^Showing 52 of 52 events/);
    await play(page).click();
    await seeToMove(page);
    await mapRegion(page).click({ position: { x: 300, y: 200 } });
    await expect(play(page)).toBeVisible();

    await play(page).click();
    await seeToMove(page);
    await page.keyboard.press('j');
    await expect(play(page)).toBeVisible();

    await play(page).click();
    await seeToMove(page);
    await page.getByLabel('Search events').fill('Weekly');
    await expect(play(page)).toBeVisible();
  });

  test.describe('under reduced motion', () => {
    test.use({ reducedMotion: 'reduce' });

    test('it steps a whole window at a time and announces each one', async ({ page }) => {
      await serveDataset(page, weeklyDataset());
      // 2×: each step shows for 0.75 s, long enough to be seen on a busy machine.
      await page.goto('./?play=week,2x');
      await expect(page.getByRole('status')).toHaveText(/^Showing 52 of 52 events/);
      await play(page).click();
      await expect(timeline(page).getByText('2–8 Jan 2023: 1 event')).toBeAttached();
      await expect(timeline(page).getByText('9–15 Jan 2023: 1 event')).toBeAttached();
      await pause(page).click();
      // Whole weeks, Monday to Sunday.
      const from = new Date(await fields(page).from.inputValue());
      const to = new Date(await fields(page).to.inputValue());
      expect(from.getUTCDay()).toBe(1);
      expect((to.getTime() - from.getTime()) / 86_400_000).toBe(6);
      await expect(page.getByRole('status')).toHaveText(/^Showing 1 of 52 events/);
    });

    test('at the end it stops, or with loop starts again from the beginning', async ({ page }) => {
      await serveDataset(page, weeklyDataset());
      await page.goto('./?from=2023-12-04&to=2023-12-10&play=week,2x');
      await play(page).click();
      await expect(
        timeline(page).getByText('Played to the end of the data, 25 Dec 2023.'),
      ).toBeAttached();
      await expect(play(page)).toBeVisible();
      await expect(fields(page).from).toHaveValue('2023-12-25');
      await expect(fields(page).to).toHaveValue('');

      await page.goto('./?from=2023-12-04&to=2023-12-10&play=week,2x,loop');
      await play(page).click();
      await expect(timeline(page).getByText('25 Dec 2023: 1 event')).toBeAttached();
      await expect(timeline(page).getByText('2–8 Jan 2023: 1 event')).toBeAttached();
      await expect(pause(page)).toBeVisible();
      await expect(fields(page).to).toHaveValue('2023-01-08');
      await pause(page).click();
    });
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test('it plays from the filters sheet', async ({ page }) => {
      await page.goto('./');
      await expect(page.getByRole('status')).toHaveText(/^Showing 6 of 6 events/);
      await page.getByRole('button', { name: /^Filters/ }).click();
      const sheet = page.getByRole('dialog', { name: 'Filters' });
      await sheet.getByRole('button', { name: 'Play', exact: true }).click();
      await expect(sheet.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
      await expect(sheet.getByText(/^Showing \d of 6 events$/)).not.toHaveText(
        'Showing 6 of 6 events',
      );
      await sheet.getByRole('button', { name: 'Pause', exact: true }).click();
      await expect(sheet.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
      await expect(sheet.getByLabel('To', { exact: true })).not.toHaveValue('');
      await expectNoAxeViolations(page);
    });
  });
});
