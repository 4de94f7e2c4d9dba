/**
 * A dataset that carries a story in its story_step / story_text columns (docs/stories.md): the
 * events load as usual, and a bad step number costs its event only the step, with a warning.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';

const CSV = readFileSync(new URL('fixtures/stories/story-columns.csv', import.meta.url), 'utf8');

test('a CSV with story columns opens with every event and no data issue', async ({ page }) => {
  await page.route('**/sets/story-columns.csv', (route) =>
    route.fulfill({ body: CSV, contentType: 'text/csv' }),
  );
  await page.goto(`./?data=${encodeURIComponent('/sets/story-columns.csv')}`);
  await expect(page.getByRole('status')).toHaveText(/^Showing 4 of 4 events/);
  await expect(page.getByRole('button', { name: /^Data issues/ })).toHaveCount(0);
});

test('a repeated story step is a warning on its row, and the event is still shown', async ({
  page,
}) => {
  const repeated = CSV.replace(
    ',2,The first reports of losses.',
    ',1,The first reports of losses.',
  );
  await page.route('**/sets/repeated-step.csv', (route) =>
    route.fulfill({ body: repeated, contentType: 'text/csv' }),
  );
  await page.goto(`./?data=${encodeURIComponent('/sets/repeated-step.csv')}`);
  await expect(page.getByRole('status')).toHaveText(/^Showing 4 of 4 events/);
  await page.getByRole('button', { name: 'Data issues · 1 warning' }).click();
  const panel = page.getByRole('region', { name: 'Data issues' });
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText([
    'Warnings: 1 event shown without a field',
  ]);
  await expect(panel.getByRole('listitem')).toHaveText([
    /Row 3 · line 6 · id “strike” · story_step\s*step 1 is also the step of row 1/,
  ]);
});
