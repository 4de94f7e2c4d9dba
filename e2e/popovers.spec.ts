import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/**
 * Every popover and menu of the header and the bar closes on Escape and on a press elsewhere, and
 * the focus goes back to the button that opened it: none is left open over the timeline.
 */
const CIVILIAN_HARM = fileURLToPath(
  new URL('fixtures/real/ukraine-civilian-harm-2022.csv', import.meta.url),
);

async function openCivilianHarmFile(page: Page) {
  await page.goto('./');
  await page.getByLabel('Dataset file (CSV, GeoJSON or JSON)').first().setInputFiles(CIVILIAN_HARM);
  await expect(page.getByRole('status')).toHaveText(/^Showing 563 of 563 events/);
}

/** The popovers of a page with an opened file: each button, and something its region shows. */
function popovers(page: Page): { button: Locator; content: Locator }[] {
  return [
    {
      button: page.getByRole('button', { name: 'Export', exact: true }),
      content: page.getByRole('button', { name: 'GeoJSON', exact: true }),
    },
    {
      button: page.getByRole('button', { name: 'Publish…' }),
      content: page.getByRole('button', { name: 'Copy command' }),
    },
    {
      button: page.getByRole('button', { name: 'About this file' }),
      content: page.getByText(/^CSV, /),
    },
    {
      button: page.getByRole('button', { name: /^Data issues/ }),
      // Its list loads when first opened: wait for it before moving into it.
      content: page.getByRole('region', { name: 'Data issues' }).getByRole('heading').first(),
    },
  ];
}

test.describe('popovers and menus', () => {
  test('each closes on Escape and gives the focus back to its button', async ({ page }) => {
    await openCivilianHarmFile(page);
    for (const { button, content } of popovers(page)) {
      await button.click();
      await expect(button).toHaveAttribute('aria-expanded', 'true');
      await expect(content).toBeVisible();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Escape');
      await expect(button).toHaveAttribute('aria-expanded', 'false');
      await expect(content).toBeHidden();
      await expect(button).toBeFocused();
      // The page's own Escape (clearing the selection) did not run as well: the address is the same.
      await expect(page).toHaveURL(/\?data=local/);
    }
  });

  test('each closes on a press elsewhere, and the focus does not fall to the page', async ({
    page,
  }) => {
    await openCivilianHarmFile(page);
    const status = page.getByRole('status');
    for (const { button, content } of popovers(page)) {
      await button.click();
      await expect(content).toBeVisible();
      await page.keyboard.press('Tab');
      // A press on plain text: nothing there takes the focus.
      await status.click();
      await expect(button).toHaveAttribute('aria-expanded', 'false');
      await expect(content).toBeHidden();
      await expect(button).toBeFocused();
    }

    // A press on something that takes the focus keeps it there.
    const exportButton = page.getByRole('button', { name: 'Export', exact: true });
    await exportButton.click();
    const search = page.getByRole('searchbox', { name: 'Search events' });
    await search.click();
    await expect(exportButton).toHaveAttribute('aria-expanded', 'false');
    await expect(search).toBeFocused();
  });
});
