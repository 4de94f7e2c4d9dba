/**
 * Writing a story in the app (README "Writing a story"): views added as steps, edited, reordered
 * by keyboard and by drag, deleted and added again, kept over a reload, and downloaded as a file
 * that a reader accepts.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { readStory } from '../src/data/story/read-story.ts';
import { formatIsoDay } from '../src/data/model/calendar-day.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { chronology } from './helpers.ts';

const SUMMIT = 'Putin and Kim Jong-un agree a mutual defence pact at their Pyongyang summit';
const SUBMARINE = 'Kim Jong-un mentions a new nuclear-powered submarine';
const SUMMIT_ID = 'pyongyang-summit-defense-pact';
const SUBMARINE_ID = 'kim-jong-un-mentions-nuclear-submarine';

function editor(page: Page) {
  return page.getByRole('complementary', { name: 'Story draft' });
}

function steps(page: Page) {
  return editor(page).getByRole('list', { name: 'Steps' }).getByRole('region');
}

function step(page: Page, number: number) {
  return editor(page).getByRole('region', { name: new RegExp(`^Step ${number} of \\d+$`) });
}

async function stepTitles(page: Page): Promise<string[]> {
  const titles: string[] = [];
  for (const region of await steps(page).all())
    titles.push(await region.getByRole('textbox', { name: 'Title', exact: true }).inputValue());
  return titles;
}

function announcement(page: Page) {
  return editor(page).getByRole('status');
}

async function selectEvent(page: Page, title: string) {
  await chronology(page).getByRole('link', { name: title }).click();
  await expect(page).toHaveTitle(new RegExp(`^${title.slice(0, 20)}`));
}

async function addViewFromShareMenu(page: Page) {
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('button', { name: 'Add this view to a story' }).click();
}

/**
 * Drags a step by its handle with the pointer to the top or the bottom of the editor, past the
 * steps out of sight (the list scrolls while the pointer is held at its edge), and lets go once
 * the order is `expected`.
 */
async function dragStep(page: Page, from: Locator, to: 'top' | 'bottom', expected: string[]) {
  await from.scrollIntoViewIfNeeded();
  const start = await from.getByTestId('step-handle').boundingBox();
  const panel = await editor(page).boundingBox();
  if (!start || !panel) throw new Error('the step is not on screen');
  const x = start.x + start.width / 2;
  await page.mouse.move(x, start.y + start.height / 2);
  await page.mouse.down();
  // The panel may reach below the window; the pointer can only be held at the visible edge.
  const bottom = Math.min(panel.y + panel.height, page.viewportSize()?.height ?? Infinity);
  await page.mouse.move(x, to === 'top' ? panel.y + 10 : bottom - 10, {
    steps: 12,
  });
  await expect.poll(() => stepTitles(page)).toEqual(expected);
  await page.mouse.up();
}

/** Three views, as a journalist would gather them: two events and a period. */
async function writeThreeSteps(page: Page) {
  await page.goto('./');
  await expect(chronology(page)).toBeVisible();

  // 1: the summit, within June 2024.
  await selectEvent(page, SUMMIT);
  await page.getByRole('textbox', { name: 'From', exact: true }).fill('2024-06-01');
  await page.getByRole('textbox', { name: 'To', exact: true }).fill('2024-06-30');
  await addViewFromShareMenu(page);
  await expect(editor(page)).toBeVisible();
  const firstTitle = step(page, 1).getByRole('textbox', { name: 'Title', exact: true });
  // The new step's title has the focus, its default the event's title.
  await expect(firstTitle).toBeFocused();
  await expect(firstTitle).toHaveValue(SUMMIT);
  await firstTitle.fill('The pact');
  await step(page, 1)
    .getByRole('textbox', { name: 'Text', exact: true })
    .fill('In June the two leaders signed a *mutual defence* pact.');

  // 2: the submarine, found by a search, from the editor's own button.
  await page.getByRole('button', { name: 'Reset filters' }).click();
  await page.getByRole('searchbox', { name: 'Search events' }).fill('submarine');
  await selectEvent(page, SUBMARINE);
  await editor(page).getByRole('button', { name: 'Add this view' }).click();
  const secondTitle = step(page, 2).getByRole('textbox', { name: 'Title', exact: true });
  await expect(secondTitle).toBeFocused();
  await expect(secondTitle).toHaveValue(SUBMARINE);
  await secondTitle.fill('A submarine');
  await step(page, 2)
    .getByRole('textbox', { name: 'Text', exact: true })
    .fill('Kim spoke of a **nuclear-powered** submarine.');

  // 3: October, nothing selected: the title says the period.
  await page.getByRole('button', { name: 'Reset filters' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('textbox', { name: 'From', exact: true }).fill('2024-10-01');
  await page.getByRole('textbox', { name: 'To', exact: true }).fill('2024-10-08');
  await chronology(page).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/\/events\//);
  await addViewFromShareMenu(page);
  const thirdTitle = step(page, 3).getByRole('textbox', { name: 'Title', exact: true });
  await expect(thirdTitle).toHaveValue('1–8 Oct 2024');
  await thirdTitle.fill('October');
  await step(page, 3)
    .getByRole('textbox', { name: 'Text', exact: true })
    .fill('Troops reached the front. See [the report](https://en.yna.co.kr/).');

  await editor(page).getByRole('textbox', { name: 'Story title' }).fill('My story');
  await editor(page)
    .getByRole('textbox', { name: 'Description' })
    .fill('North Korea’s year, in three views.');
  await expect.poll(() => stepTitles(page)).toEqual(['The pact', 'A submarine', 'October']);
}

test.describe('writing a story', () => {
  test('three views become steps, reordered by keyboard and drag, deleted, added back, kept and downloaded', async ({
    page,
  }) => {
    await writeThreeSteps(page);

    // Keyboard: Move up on step 3; the focus follows the step, and the move is announced.
    await step(page, 3).getByRole('button', { name: 'Move up' }).click();
    await expect.poll(() => stepTitles(page)).toEqual(['The pact', 'October', 'A submarine']);
    await expect(announcement(page)).toHaveText('Moved “October” to step 2 of 3.');
    await expect(step(page, 2).getByRole('button', { name: 'Move up' })).toBeFocused();
    // Alt+ArrowUp in a step's text moves it too, the focus staying in the text.
    await step(page, 2).getByRole('textbox', { name: 'Text', exact: true }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => stepTitles(page)).toEqual(['October', 'The pact', 'A submarine']);
    await expect(step(page, 1).getByRole('textbox', { name: 'Text', exact: true })).toBeFocused();
    await expect(announcement(page)).toHaveText('Moved “October” to step 1 of 3.');
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => stepTitles(page)).toEqual(['The pact', 'October', 'A submarine']);

    // Drag: the pointer takes step 3 by its handle to the top, then step 1 to the bottom.
    await dragStep(page, step(page, 3), 'top', ['A submarine', 'The pact', 'October']);
    await expect(announcement(page)).toHaveText('Moved “A submarine” to step 1 of 3.');
    await dragStep(page, step(page, 1), 'bottom', ['The pact', 'October', 'A submarine']);
    await expect(announcement(page)).toHaveText('Moved “A submarine” to step 3 of 3.');
    await dragStep(page, step(page, 2), 'top', ['October', 'The pact', 'A submarine']);
    // Back to the order the story is told in.
    await step(page, 1).getByRole('button', { name: 'Move down' }).click();
    await step(page, 3).getByRole('button', { name: 'Move up' }).click();
    await expect.poll(() => stepTitles(page)).toEqual(['The pact', 'A submarine', 'October']);

    // Delete the submarine: announced, the focus on the step that took its place.
    await step(page, 2).getByRole('button', { name: 'Delete step' }).click();
    await expect.poll(() => stepTitles(page)).toEqual(['The pact', 'October']);
    await expect(announcement(page)).toHaveText('Deleted “A submarine”. 2 steps left.');
    await expect(step(page, 2).getByRole('textbox', { name: 'Title', exact: true })).toBeFocused();
    // …and add it back, then put it back in its place.
    await page.getByRole('button', { name: 'Reset filters' }).click();
    await page.getByRole('searchbox', { name: 'Search events' }).fill('submarine');
    await selectEvent(page, SUBMARINE);
    await editor(page).getByRole('button', { name: 'Add this view' }).click();
    await step(page, 3).getByRole('textbox', { name: 'Title', exact: true }).fill('A submarine');
    await step(page, 3)
      .getByRole('textbox', { name: 'Text', exact: true })
      .fill('Kim spoke of a **nuclear-powered** submarine.');
    await step(page, 3).getByRole('button', { name: 'Move up' }).click();
    await expect.poll(() => stepTitles(page)).toEqual(['The pact', 'A submarine', 'October']);

    // A reload loses nothing: the way back in says how many steps, and opens the same draft.
    await page.reload();
    await expect(chronology(page)).toBeVisible();
    const wayBack = page.getByRole('button', { name: 'Your story draft (3 steps)' });
    await expect(wayBack).toBeVisible();
    await wayBack.click();
    await expect.poll(() => stepTitles(page)).toEqual(['The pact', 'A submarine', 'October']);
    await expect(editor(page).getByRole('textbox', { name: 'Story title' })).toHaveValue(
      'My story',
    );
    await expect(step(page, 3).getByRole('textbox', { name: 'Text', exact: true })).toHaveValue(
      'Troops reached the front. See [the report](https://en.yna.co.kr/).',
    );

    // Download story: a file named after the title that a reader accepts, with every view.
    const downloading = page.waitForEvent('download');
    await editor(page).getByRole('button', { name: 'Download story' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('my-story.story.json');
    const file = JSON.parse(await readFile(await download.path(), 'utf8')) as unknown;
    const { story, issues } = readStory(file);
    expect(issues).toEqual([]);
    expect(story?.title).toBe('My story');
    expect(story?.description).toBe('North Korea’s year, in three views.');
    expect(story?.steps.map((kept) => [kept.title, kept.text])).toEqual([
      ['The pact', 'In June the two leaders signed a *mutual defence* pact.'],
      ['A submarine', 'Kim spoke of a **nuclear-powered** submarine.'],
      ['October', 'Troops reached the front. See [the report](https://en.yna.co.kr/).'],
    ]);
    const views = story?.steps.map(({ view }) => ({
      event: view.selectedId,
      from: view.from === null ? null : formatIsoDay(view.from),
      to: view.to === null ? null : formatIsoDay(view.to),
      q: view.query,
      framed: view.bounds !== null,
    }));
    expect(views).toEqual([
      { event: SUMMIT_ID, from: '2024-06-01', to: '2024-06-30', q: '', framed: true },
      { event: SUBMARINE_ID, from: null, to: null, q: 'submarine', framed: true },
      { event: null, from: '2024-10-01', to: '2024-10-08', q: '', framed: true },
    ]);

    // The downloaded file, opened with ?story=, is the same story: cover, then each step.
    const text = await readFile(await download.path(), 'utf8');
    await page.route(
      (url) => url.pathname === '/my-story.story.json',
      (route) => route.fulfill({ body: text, contentType: 'application/json' }),
    );
    await page.goto('/?story=%2Fmy-story.story.json');
    await expect(page.getByRole('heading', { name: 'My story' })).toBeVisible();
    await page.getByRole('button', { name: 'Start' }).click();
    const nav = page.getByRole('navigation', { name: 'Story steps' });
    for (const [index, title] of ['The pact', 'A submarine', 'October'].entries()) {
      if (index > 0) await nav.getByRole('button', { name: 'Next' }).click();
      await expect(page.getByRole('heading', { level: 2, name: title, exact: true })).toBeVisible();
      await expect(page.getByText(`${index + 1} of 3`, { exact: true })).toBeVisible();
    }
    await expect(page.getByRole('link', { name: 'the report' })).toHaveAttribute(
      'href',
      'https://en.yna.co.kr/',
    );
    await expect(
      page.getByRole('searchbox', { name: 'From' }).or(page.getByLabel('From')),
    ).toHaveValue('2024-10-01');
  });

  test('Preview reads the draft as a story, from its cover', async ({ page }) => {
    await writeThreeSteps(page);
    // The editor's buttons all sit inside its column at 1280 px, none cut off at its edge.
    const panel = await editor(page).boundingBox();
    if (!panel) throw new Error('the editor is not on screen');
    for (const name of ['Add this view', 'Preview', 'Download story']) {
      const button = await editor(page).getByRole('button', { name, exact: true }).boundingBox();
      if (!button) throw new Error(`${name} is not on screen`);
      expect(button.x + button.width, name).toBeLessThanOrEqual(panel.x + panel.width);
    }
    await editor(page).getByRole('button', { name: 'Preview' }).click();
    await expect(page).toHaveURL(/\?story=draft$/);
    await expect(page.getByRole('heading', { name: 'My story' })).toBeVisible();
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(
      page.getByRole('heading', { level: 2, name: 'The pact', exact: true }),
    ).toBeVisible();
    await expect(page.getByText('1 of 3', { exact: true })).toBeVisible();
  });

  test('Show puts a step’s view back in the explorer', async ({ page }) => {
    await writeThreeSteps(page);
    await page.getByRole('button', { name: 'Reset filters' }).click();
    await step(page, 1).getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(
      /\/events\/pyongyang-summit-defense-pact\?from=2024-06-01&to=2024-06-30$/,
    );
    await expect(page.getByRole('textbox', { name: 'From', exact: true })).toHaveValue(
      '2024-06-01',
    );
    await step(page, 2).getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/\/events\/kim-jong-un-mentions-nuclear-submarine\?q=submarine$/);
    await expect(page.getByRole('searchbox', { name: 'Search events' })).toHaveValue('submarine');
  });

  test('Download refuses what a reader would refuse, saying which field and why', async ({
    page,
  }) => {
    await page.goto('./');
    await selectEvent(page, SUMMIT);
    await addViewFromShareMenu(page);
    await step(page, 1).getByRole('textbox', { name: 'Title', exact: true }).fill('');
    // An image needs its alt text and credit, said in place as soon as its address is given.
    await step(page, 1).getByText('Image (optional)').click();
    await step(page, 1)
      .getByRole('textbox', { name: 'Image address (https://…)' })
      .fill('https://example.org/summit.jpg');
    const alt = step(page, 1).getByRole('textbox', { name: 'What the image shows (alt text)' });
    await expect(alt).toHaveAccessibleDescription('alt is empty');
    await editor(page).getByRole('button', { name: 'Download story' }).click();
    const problem = editor(page).getByRole('alert');
    await expect(problem).toContainText('Not downloaded: 4 fields need attention.');
    await expect(problem).toContainText('Story title: title is empty');
    await expect(problem).toContainText('Step 1, title: title is empty');
    await expect(problem).toContainText('Step 1, image credit: credit is empty');
    await expect(
      editor(page).getByRole('textbox', { name: 'Story title' }),
    ).toHaveAccessibleDescription('title is empty');
    await expect(
      step(page, 1).getByRole('textbox', { name: 'Title', exact: true }),
    ).toHaveAttribute('aria-invalid', 'true');
    // Fixed, it goes.
    await editor(page).getByRole('textbox', { name: 'Story title' }).fill('Summit');
    await step(page, 1).getByRole('textbox', { name: 'Title', exact: true }).fill('The pact');
    await alt.fill('Putin and Kim shake hands');
    await step(page, 1).getByRole('textbox', { name: 'Credit' }).fill('KCNA');
    await expect(problem).toBeHidden();
    const downloading = page.waitForEvent('download');
    await editor(page).getByRole('button', { name: 'Download story' }).click();
    expect((await downloading).suggestedFilename()).toBe('summit.story.json');
  });

  test('Start over asks first, then begins a new draft', async ({ page }) => {
    await page.goto('./');
    await selectEvent(page, SUMMIT);
    await addViewFromShareMenu(page);
    await editor(page).getByRole('button', { name: 'Start over' }).click();
    await expect(editor(page).getByText('Delete this draft and start over?')).toBeVisible();
    await editor(page).getByRole('button', { name: 'Keep it' }).click();
    await expect(steps(page)).toHaveCount(1);
    await editor(page).getByRole('button', { name: 'Start over' }).click();
    await editor(page).getByRole('button', { name: 'Delete draft' }).click();
    await expect(steps(page)).toHaveCount(0);
    await expect(editor(page).getByRole('button', { name: 'Add this view' })).toBeFocused();
    await page.reload();
    await expect(chronology(page)).toBeVisible();
    await addViewFromShareMenu(page);
    await expect(steps(page)).toHaveCount(1);
  });

  test('a draft opened on another dataset says which one it was written for', async ({ page }) => {
    await page.goto('./');
    await selectEvent(page, SUMMIT);
    await addViewFromShareMenu(page);
    await expect(steps(page)).toHaveCount(1);
    await page.route(
      (url) => url.pathname === '/other/events.geojson',
      (route) => route.fulfill({ path: 'data/events.geojson' }),
    );
    await page.goto('./?data=/other/events.geojson');
    await expect(chronology(page)).toBeVisible();
    await expect(page.getByText('written for the bundled dataset')).toBeVisible();
    await page.getByRole('button', { name: 'Your story draft (1 step)' }).click();
    await expect(
      editor(page).getByText(/This draft was written for the bundled dataset/),
    ).toBeVisible();
  });

  test('axe finds nothing to fix with the editor open, light and dark', async ({ page }) => {
    await writeThreeSteps(page);
    await step(page, 1).getByText('Image (optional)').click();
    await expectNoAxeViolations(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page);
  });
});

test.describe('writing a story on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('the editor is a full-height sheet; Show steps aside; closing returns to the draft', async ({
    page,
  }) => {
    await page.goto('./');
    await selectEvent(page, SUMMIT);
    await addViewFromShareMenu(page);
    const sheet = page.getByRole('dialog', { name: 'Story draft' });
    await expect(sheet).toBeVisible();
    const box = await sheet.boundingBox();
    expect(box?.height).toBe(844);
    const title = sheet.getByRole('textbox', { name: 'Title', exact: true });
    await expect(title).toBeFocused();
    await expectNoAxeViolations(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page);

    // Show closes the sheet, so the view can be seen.
    await sheet.getByRole('button', { name: 'Show' }).click();
    await expect(sheet).toBeHidden();
    const wayBack = page.getByRole('button', { name: 'Your story draft (1 step)' });
    await expect(wayBack).toBeFocused();
    await wayBack.click();
    await sheet.getByRole('button', { name: 'Close story editor' }).click();
    await expect(wayBack).toBeFocused();
  });
});
