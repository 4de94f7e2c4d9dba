/**
 * Accessibility in every state of the explorer. The loaded page, a selection (light and dark), the
 * phone without a selection, a "no match" page and the first data-issues and error pages already
 * have an axe check in explorer, filtering and loading specs; this file covers the other states,
 * both colour schemes where the colours differ most, a keyboard-only journey through select,
 * filter, share and reset, and the live status that announces each change.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import {
  DATASET_ROUTE,
  chronology,
  chronologyEntries,
  chronologyEntry,
  mapRegion,
  marker,
  serveDataset,
} from './helpers.ts';
import { makeFeature } from '../src/testing/dataset-factory.ts';

const SUMMIT = 'Putin and Kim Jong-un agree a mutual defence pact at their Pyongyang summit';
const KIM = 'Kim Jong-un mentions a new nuclear-powered submarine';
const STRIKE = 'Six North Korean officers reported killed in a missile strike near Donetsk';
const SINPO_ACTIVITY = "North Korea's submarine-building site at Sinpo is active";
const MISSILES = 'North Korea tests cruise missiles fired from near the Sinpo submarine base';
const ALL_SHOWN = 'Showing 6 of 6 events · 1 Jan 2024 – 8 Oct 2024';

function status(page: Page) {
  return page.getByRole('status');
}

function timeline(page: Page) {
  return page.getByRole('region', { name: 'Timeline' });
}

/**
 * The focus is on an element of the page, not dropped on <body> (or nowhere). A frame or two on
 * <body> while the page moves it on is allowed.
 */
async function expectFocusKept(page: Page, after: string) {
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const active = document.activeElement;
          if (!active || active === document.body) return null;
          const name = active.getAttribute('aria-label') ?? active.textContent ?? '';
          return `${active.tagName.toLowerCase()} ${name.trim().slice(0, 60)}`;
        }),
      { message: `the focus after ${after}`, timeout: 2_000 },
    )
    .not.toBeNull();
}

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluateAll((elements) =>
    elements.some((element) => element === document.activeElement),
  );
}

/** Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, { backwards = false, limit = 60 } = {}) {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await isFocused(target)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

/** Opens on the strike and searches for something else, by keyboard: the strike is hidden. */
async function hideTheSelectedStrike(page: Page) {
  await page.goto('./events/donetsk-strike-north-korean-officers');
  await expect(status(page)).toHaveText(ALL_SHOWN);
  // A page opened on an event puts the focus on its entry; wait for it before moving on.
  await expect(chronology(page).getByRole('link', { name: STRIKE })).toBeFocused();
  await page.keyboard.press('/');
  await page.keyboard.type('zeppelin');
  await expect(page.getByRole('searchbox', { name: 'Search events' })).toHaveValue('zeppelin');
  await expect(page.getByText(`“${STRIKE}” is selected but hidden by the filters.`)).toBeVisible();
}

test.describe('axe in every state', () => {
  test('filtered by a search and a date range', async ({ page }) => {
    await page.goto('./?from=2024-09-01&to=2024-09-30&q=submarine');
    await expect(status(page)).toHaveText('Showing 2 of 6 events · 1 Sept 2024 – 30 Sept 2024');
    await expect(page.getByRole('searchbox', { name: 'Search events' })).toHaveValue('submarine');
    await expect(timeline(page).getByRole('group', { name: /^Selected range/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reset filters' })).toBeVisible();
    await expect(chronologyEntries(page)).toHaveCount(2);
    await expectNoAxeViolations(page);
  });

  test('empty: the filters match nothing and hide the selected event', async ({ page }) => {
    await page.goto('./events/donetsk-strike-north-korean-officers?to=2024-10-06');
    // The link's own range hid its event, so it was widened; a search then empties the list.
    await expect(chronologyEntry(page, STRIKE)).toHaveAttribute('aria-current', 'true');
    await page.getByRole('searchbox', { name: 'Search events' }).fill('zeppelin');
    await expect(status(page)).toHaveText(/^Showing 0 of 6 events · /);
    await expect(page.getByText('No events match these filters.')).toBeVisible();
    await expect(
      page.getByText(`“${STRIKE}” is selected but hidden by the filters.`),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page);
  });

  test('error: the server answers 500, with Retry, in light and dark', async ({ page }) => {
    await page.route(DATASET_ROUTE, (route) => route.fulfill({ status: 500, body: 'oops' }));
    await page.goto('./');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The events could not be loaded');
    await expect(alert).toContainText('500');
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeEnabled();
    await expect(status(page)).toHaveText('No events loaded');
    await expectNoAxeViolations(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page);
  });

  test('data issues: broken records listed in the open panel, in light and dark', async ({
    page,
  }) => {
    await serveDataset(page, [
      makeFeature({ id: 'good-one', properties: { title: 'A good event' } }),
      makeFeature({ id: 'no-title', properties: { title: '' } }),
      makeFeature({ id: 'off-the-globe', coordinates: [10, 95] }),
      makeFeature({ id: 'bad-date', properties: { title: 'A bad date', date: 'yesterday' } }),
    ]);
    await page.goto('./');
    await expect(status(page)).toHaveText(/^Showing 1 of 1 event( ·|$)/);
    const issuesButton = page.getByRole('button', { name: 'Data issues (3)' });
    await issuesButton.click();
    await expect(issuesButton).toHaveAttribute('aria-expanded', 'true');
    const panel = page.getByRole('region', { name: 'Data issues' });
    await expect(panel.getByRole('listitem')).toHaveCount(3);
    await expect(panel).toContainText('3 of 4 records in the file could not be shown');
    await expectNoAxeViolations(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page);
  });

  test('event not found, with its suggestions', async ({ page }) => {
    await page.goto('./events/no-such-id');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Event not found');
    await expect(alert).toContainText('no-such-id');
    await expect(alert.getByRole('button', { name: 'Show all events' })).toBeVisible();
    await expect(status(page)).toHaveText(ALL_SHOWN);
    await expectNoAxeViolations(page);
  });
});

test.describe('on a phone, with a selection and filters', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the selection bar, the details and the filters have no axe violations', async ({
    page,
  }) => {
    await page.goto('./events/pyongyang-summit-defense-pact?from=2024-06-01&q=korea');
    await expect(status(page)).toHaveText('Showing 5 of 6 events · 1 June 2024 – 8 Oct 2024');
    await expect(marker(page, SUMMIT)).toHaveAttribute('aria-current', 'true');
    await expect(page.getByRole('button', { name: 'Details' })).toBeVisible();
    await expect(
      chronologyEntry(page, SUMMIT).getByRole('button', { name: 'Copy link' }),
    ).toBeAttached();
    await expect(page.getByRole('button', { name: 'Reset filters' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page);
  });
});

/**
 * Contrast in both themes, in the state that shows the most colour at once: an event selected
 * (details, marker, the timeline's band and pointer), a range chosen (the brush and dimmed bars),
 * a search, the legend and the status.
 */
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`the ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('selected and filtered: timeline, legend, details and status pass axe and contrast', async ({
      page,
    }) => {
      await page.goto(
        './events/pyongyang-summit-defense-pact?from=2024-06-01&to=2024-09-30&q=korea',
      );
      await expect(status(page)).toHaveText('Showing 3 of 6 events · 1 June 2024 – 30 Sept 2024');
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
        colorScheme === 'dark',
      );
      const details = chronologyEntry(page, SUMMIT).getByRole('region', { name: SUMMIT });
      await expect(details).toBeVisible();
      await expect(details.getByRole('button', { name: 'Copy link' })).toBeVisible();
      await expect(timeline(page).getByRole('group', { name: /^Selected range/ })).toBeVisible();
      await expect(
        timeline(page).getByRole('slider', { name: 'End of date range' }),
      ).toHaveAttribute('aria-valuetext', '30 Sept 2024');
      await expect(mapRegion(page).getByRole('button', { name: /^Strike/ })).toBeVisible();
      await expect(marker(page, SUMMIT)).toHaveAttribute('aria-current', 'true');
      await expect(status(page)).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });
}

test.describe('with the keyboard alone', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('choosing a related event that the filters hide keeps the focus in the list', async ({
    page,
  }) => {
    await page.goto('./events/sinpo-submarine-site-activity?from=2024-06-01');
    await expect(status(page)).toHaveText('Showing 5 of 6 events · 1 June 2024 – 8 Oct 2024');
    const entryLink = chronology(page).getByRole('link', { name: SINPO_ACTIVITY });
    await expect(entryLink).toBeFocused();
    const details = chronologyEntry(page, SINPO_ACTIVITY).getByRole('region', {
      name: SINPO_ACTIVITY,
    });
    await tabTo(page, details.getByRole('link', { name: MISSILES }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/events\/sinpo-cruise-missile-tests\?from=2024-06-01$/);
    await expect(
      page.getByText(`“${MISSILES}” is selected but hidden by the filters.`),
    ).toBeVisible();
    // The details the focus was in are gone; it stays on the entry it came from.
    await expect(entryLink).toBeFocused();
    await expectFocusKept(page, 'choosing a hidden related event');
    // The notice that says so, with its "Show it", is a few Shift+Tabs back.
    await tabTo(page, page.getByRole('button', { name: 'Show it' }), { backwards: true, limit: 4 });
  });

  test('select, filter, share and reset, announced by the live status, focus never lost', async ({
    page,
    baseURL,
  }) => {
    await page.goto('./');
    await expect(status(page)).toHaveText(ALL_SHOWN);

    // Select: Tab into the chronology, Enter selects the entry, j / k move the selection.
    for (let presses = 0; presses < 40; presses += 1) {
      await page.keyboard.press('Tab');
      if (await chronology(page).evaluate((list) => list.contains(document.activeElement))) break;
    }
    const firstLink = chronology(page).getByRole('link').first();
    await expect(firstLink).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/events\/sinpo-cruise-missile-tests$/);
    await expectFocusKept(page, 'Enter on an entry');
    await page.keyboard.press('j');
    await expect(page).toHaveURL(/\/events\/pyongyang-summit-defense-pact$/);
    await page.keyboard.press('j');
    await expect(page).toHaveURL(/\/events\/kim-jong-un-mentions-nuclear-submarine$/);
    await page.keyboard.press('k');
    await expect(page).toHaveURL(/\/events\/pyongyang-summit-defense-pact$/);
    await expect(chronology(page).getByRole('link', { name: SUMMIT })).toBeFocused();
    await expect(marker(page, SUMMIT)).toHaveAttribute('aria-current', 'true');
    await expect(chronologyEntry(page, SUMMIT)).toHaveAttribute('aria-current', 'true');
    await expectFocusKept(page, 'j and k');

    // Filter: back to the From field, type a date, leave the field; then an arrow on a handle.
    const fromField = page.getByRole('textbox', { name: 'From', exact: true });
    // Shift+Tab lands on the field's last part (the year): go one stop before it and Tab in, so
    // typing starts at the month, as it does for a reader tabbing forward.
    await tabTo(page, fromField, { backwards: true });
    while (await isFocused(fromField)) await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(fromField).toBeFocused();
    await page.keyboard.type('06012024');
    await page.keyboard.press('Tab');
    await expect(page).toHaveURL(/\/events\/pyongyang-summit-defense-pact\?from=2024-06-01$/);
    await expect(status(page)).toHaveText('Showing 5 of 6 events · 1 June 2024 – 8 Oct 2024');
    await expectFocusKept(page, 'typing the From date');

    const endHandle = timeline(page).getByRole('slider', { name: 'End of date range' });
    await tabTo(page, endHandle);
    await page.keyboard.press('ArrowLeft');
    await expect(page).toHaveURL(/\?from=2024-06-01&to=2024-10-06$/);
    await expect(endHandle).toHaveAttribute('aria-valuetext', '6 Oct 2024');
    await expect(status(page)).toHaveText('Showing 4 of 6 events · 1 June 2024 – 6 Oct 2024');
    await expect(endHandle).toBeFocused();
    // The selection is still there and still listed.
    await expect(chronologyEntry(page, SUMMIT)).toHaveAttribute('aria-current', 'true');

    // Share: on to the details' Copy link, and Enter.
    const details = chronologyEntry(page, SUMMIT).getByRole('region', { name: SUMMIT });
    const copyLink = details.getByRole('button', { name: 'Copy link' });
    await tabTo(page, copyLink);
    await page.keyboard.press('Enter');
    await expect(details.getByText('Link copied')).toBeAttached();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(new URL('events/pyongyang-summit-defense-pact', baseURL).href);
    await expect(copyLink).toBeFocused();

    // Reset: back to Reset filters, and Enter; the focus moves to the search, not to <body>.
    const reset = page.getByRole('button', { name: 'Reset filters' });
    await tabTo(page, reset, { backwards: true, limit: 80 });
    await page.keyboard.press('Enter');
    await expect(status(page)).toHaveText(ALL_SHOWN);
    await expect(page).toHaveURL(/\/events\/pyongyang-summit-defense-pact$/);
    await expect(reset).toHaveCount(0);
    await expect(page.getByRole('searchbox', { name: 'Search events' })).toBeFocused();
    await expectFocusKept(page, 'Reset filters');
    await expect(chronologyEntry(page, SUMMIT)).toHaveAttribute('aria-current', 'true');
  });
});

/** Bugs these tests found, fixed: each fails if its fix is taken away. */
test.describe('focus and targets after the controls that change the page', () => {
  test('selecting the country-wide Kim event leaves the Sinpo marker a full target', async ({
    page,
  }) => {
    // The selected event is taken out of clustering and drawn on its own: Kim's country-wide
    // point lands 15 px from the two Sinpo events, and its 44 px marker would cover all but 15 px
    // of theirs (axe target-size, WCAG 2.5.8) unless they are moved clear of it.
    await page.goto('./events/kim-jong-un-mentions-nuclear-submarine');
    await expect(status(page)).toHaveText(ALL_SHOWN);
    await expect(marker(page, KIM)).toHaveAttribute('aria-current', 'true');
    await expect(
      mapRegion(page).getByRole('button', { name: /^2 events at the same place/ }),
    ).toBeInViewport();
    await expectNoAxeViolations(page);
  });

  test('"Show it" in the hidden-selection notice keeps the focus', async ({ page }) => {
    await hideTheSelectedStrike(page);
    const showIt = page.getByRole('button', { name: 'Show it' });
    await tabTo(page, showIt);
    await page.keyboard.press('Enter');
    await expect(showIt).toHaveCount(0);
    await expect(chronologyEntry(page, STRIKE)).toHaveAttribute('aria-current', 'true');
    await expectFocusKept(page, 'Show it');
  });

  test('"Clear selection" in the hidden-selection notice keeps the focus', async ({ page }) => {
    await hideTheSelectedStrike(page);
    const clear = page.getByRole('button', { name: 'Clear selection' });
    await tabTo(page, clear);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/\?q=zeppelin$/);
    await expect(clear).toHaveCount(0);
    await expectFocusKept(page, 'Clear selection');
  });

  test('"Show all events" in the not-found alert keeps the focus', async ({ page }) => {
    await page.goto('./events/no-such-id');
    await expect(status(page)).toHaveText(ALL_SHOWN);
    const showAll = page.getByRole('button', { name: 'Show all events' });
    await tabTo(page, showAll);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/$/);
    await expect(showAll).toHaveCount(0);
    await expectFocusKept(page, 'Show all events');
  });

  test('"Dismiss" on a notice about the URL keeps the focus', async ({ page }) => {
    await page.goto('./?from=yesterday');
    await expect(page.getByRole('alert')).toContainText('is not a date');
    const dismiss = page.getByRole('button', { name: 'Dismiss' });
    await tabTo(page, dismiss);
    await page.keyboard.press('Enter');
    await expect(dismiss).toHaveCount(0);
    await expectFocusKept(page, 'Dismiss');
  });

  test('"Retry" keeps the focus while it retries and once the events are in', async ({ page }) => {
    let failing = true;
    await page.route(DATASET_ROUTE, async (route) => {
      if (failing) return route.fulfill({ status: 500, body: 'oops' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      return route.fallback();
    });
    await page.goto('./');
    const retry = page.getByRole('button', { name: 'Retry' });
    await tabTo(page, retry);
    failing = false;
    await page.keyboard.press('Enter');
    await expect(status(page)).toHaveText(ALL_SHOWN);
    await expectFocusKept(page, 'Retry');
  });
});
