import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import {
  chronologyEntries,
  chronologyEntry,
  mapRegion,
  marker,
  scaleKilometres,
} from './helpers.ts';

/**
 * Reading a story (README "Reading a story"): the step card, moving through the steps by button,
 * key and Back/Forward, Explore and Back to the story, the story columns of a CSV, a broken story
 * file, the embed, axe and reduced motion. The story is a fixture of six steps over the bundled
 * dataset (e2e/fixtures/stories/north-korea-in-ukraine.json), served as a bundled story.
 */
const STORY_TITLE = 'From Pyongyang to Donetsk';
const STEPS = [
  'A pact in Pyongyang',
  'Sinpo, the submarine base',
  'A new submarine',
  'Officers killed near Donetsk',
  'A step whose event is gone',
  'Seoul confirms casualties',
];
const SUBMARINE = 'Kim Jong-un mentions a new nuclear-powered submarine';
const SUMMIT = 'Putin and Kim Jong-un agree a mutual defence pact at their Pyongyang summit';

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/stories/${name}`, import.meta.url), 'utf8');
}

/** Serves the fixture story as the bundled story `fixture`, its image from the app's own host. */
async function serveStory(page: Page, origin: string) {
  const story = fixture('north-korea-in-ukraine.json').replace(
    'https://story-fixture.invalid/sinpo.png',
    `${origin}/events/sinpo-submarine-site-activity/card.png`,
  );
  await page.route('**/data/stories/fixture.json', (route) =>
    route.fulfill({ body: story, contentType: 'application/json' }),
  );
}

/** Requests for exactly this path (a glob would also match the page whose query names it). */
function onlyPath(path: string) {
  return (url: URL) => url.pathname === path;
}

function stepHeading(page: Page, title: string) {
  return page.getByRole('heading', { level: 2, name: title });
}

function storyNav(page: Page) {
  return page.getByRole('navigation', { name: 'Story steps' });
}

async function expectStep(page: Page, step: number) {
  await expect(stepHeading(page, STEPS[step - 1] ?? '')).toBeVisible();
  await expect(page.getByText(`${step} of ${STEPS.length}`, { exact: true })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/stories/fixture\\?step=${step}$`));
}

/**
 * Waits until the map has come to rest: nothing in it changed for 20 animation frames. A step's
 * flight moves the markers through each other, where they would overlap for a moment.
 */
async function mapAtRest(page: Page) {
  await page.evaluate(async () => {
    const map = document.querySelector('.leaflet-container');
    if (!map) return;
    let stillFrames = 0;
    const observer = new MutationObserver(() => {
      stillFrames = 0;
    });
    observer.observe(map, { attributes: true, childList: true, subtree: true });
    while (stillFrames < 20) {
      await new Promise((next) => requestAnimationFrame(next));
      stillFrames += 1;
    }
    observer.disconnect();
  });
}

test.beforeEach(async ({ page, baseURL }) => {
  await serveStory(page, new URL(baseURL ?? '').origin);
});

test('a link to step 3 opens cold on step 3, with its selection and filters', async ({ page }) => {
  await page.goto('stories/fixture?step=3');
  await expectStep(page, 3);
  // The step's view: its event selected on the list and the map, its search in force.
  await expect(chronologyEntry(page, SUBMARINE)).toHaveAttribute('aria-current', 'true');
  await expect(marker(page, SUBMARINE)).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('searchbox', { name: 'Search events' })).toHaveValue('submarine');
  await expect(page.getByRole('status').first()).toContainText('Showing 3 of 6 events');
  await expect(storyNav(page).getByRole('button', { name: 'Previous' })).toBeEnabled();
  await expect(storyNav(page).getByRole('button', { name: 'Explore' })).toBeVisible();
});

test('a story page never stands blank while it loads: its frame stays until the story draws', async ({
  page,
}) => {
  // Counts the moments after the static frame (index.html's header) first showed when the page
  // had no header at all: a loading fallback in its place would be one.
  await page.addInitScript(() => {
    const watch = window as unknown as { headerSeen: boolean; blankMoments: number };
    watch.headerSeen = false;
    watch.blankMoments = 0;
    new MutationObserver(() => {
      const header = document.querySelector('#root header');
      if (header) watch.headerSeen = true;
      else if (watch.headerSeen) watch.blankMoments += 1;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('stories/fixture?step=2');
  await expect(stepHeading(page, STEPS[1] ?? '')).toBeVisible();
  const watch = await page.evaluate(() => {
    const { headerSeen, blankMoments } = window as unknown as {
      headerSeen: boolean;
      blankMoments: number;
    };
    return { headerSeen, blankMoments };
  });
  expect(watch.headerSeen).toBe(true);
  expect(watch.blankMoments).toBe(0);
});

test('the cover shows the title, the description, the number of steps and Start', async ({
  page,
}) => {
  await page.goto('stories/fixture');
  await expect(stepHeading(page, STORY_TITLE)).toBeVisible();
  await expect(page.getByText('How a summit in June 2024 led')).toBeVisible();
  await expect(page.getByText(/^6 steps/)).toBeVisible();
  // The cover event is selected, inside an overview of every step's part of the world (Donetsk
  // to Sinpo): the map's scale reads in hundreds of kilometres, not a street's.
  await expect(chronologyEntry(page, SUMMIT)).toHaveAttribute('aria-current', 'true');
  await expect(marker(page, SUMMIT)).toBeInViewport();
  await expect.poll(() => scaleKilometres(page)).toBeGreaterThanOrEqual(500);
  await page.getByRole('button', { name: 'Start' }).click();
  await expectStep(page, 1);
  await expect(stepHeading(page, STEPS[0] ?? '')).toBeFocused();
});

test('Next, Previous and the keys move between steps, and Back/Forward follow', async ({
  page,
}) => {
  await page.goto('stories/fixture?step=1');
  await expectStep(page, 1);
  await storyNav(page).getByRole('button', { name: 'Next' }).click();
  await expectStep(page, 2);
  // The title takes the focus and the change is announced.
  await expect(stepHeading(page, STEPS[1] ?? '')).toBeFocused();
  await expect(page.getByText(`Step 2 of 6: ${STEPS[1]}`)).toBeAttached();
  await storyNav(page).getByRole('button', { name: 'Previous' }).click();
  await expectStep(page, 1);

  await page.keyboard.press('ArrowRight');
  await expectStep(page, 2);
  await page.keyboard.press('Space');
  await expectStep(page, 3);
  await page.keyboard.press('Shift+Space');
  await expectStep(page, 2);
  await page.keyboard.press('PageDown');
  await expectStep(page, 3);
  await page.keyboard.press('ArrowDown');
  await expectStep(page, 4);
  await page.keyboard.press('ArrowUp');
  await expectStep(page, 3);
  await page.keyboard.press('PageUp');
  await expectStep(page, 2);
  await page.keyboard.press('ArrowLeft');
  await expectStep(page, 1);

  // Typing in the search is not stepping (it leaves the story only once the search changes).
  await page.getByRole('searchbox', { name: 'Search events' }).focus();
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 1);

  // Every step was its own history entry.
  await page.goBack();
  await expectStep(page, 2);
  await page.goBack();
  await expectStep(page, 3);
  await page.goForward();
  await expectStep(page, 2);
});

test('the last step has Next disabled; past the end and step=abc are corrected', async ({
  page,
}) => {
  await page.goto('stories/fixture?step=99');
  await expectStep(page, 6);
  await expect(
    page.getByText('This story has 6 steps, so step 6, the last, is shown'),
  ).toBeVisible();
  await expect(storyNav(page).getByRole('button', { name: 'Next' })).toBeDisabled();
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 6);

  await page.goto('stories/fixture?step=abc');
  await expect(stepHeading(page, STORY_TITLE)).toBeVisible();
  await expect(page.getByText('There is no step “abc”')).toBeVisible();
  await expect(page).toHaveURL(/\/stories\/fixture$/);
});

test('a step whose event is not in the dataset says so and shows the rest', async ({ page }) => {
  await page.goto('stories/fixture?step=5');
  await expectStep(page, 5);
  await expect(
    page.getByText('The event this step shows (“no-such-event”) is not in this dataset'),
  ).toBeVisible();
  // Its date filter still applies: the two October events.
  await expect(chronologyEntries(page)).toHaveCount(2);
});

test('a step with an image shows it with its alt text and credit', async ({ page }) => {
  await page.goto('stories/fixture?step=2');
  const image = page.getByRole('img', { name: 'The coast of North Korea around Sinpo' });
  await expect(image).toBeVisible();
  await expect(image).toHaveJSProperty('complete', true);
  await expect(page.getByText('Map: Dateline, Natural Earth')).toBeVisible();
  // The step's filters: January to September, missile tests and military activity.
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('2024-01-01');
  await expect(page.getByLabel('To', { exact: true })).toHaveValue('2024-09-30');
  await expect(chronologyEntries(page)).toHaveCount(2);
  // Text links open in a new tab, never taking the reader out of the story.
  const link = page.getByRole('link', { name: 'Yonhap report' });
  await page.goto('stories/fixture?step=1');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(link).toHaveAttribute('href', 'https://en.yna.co.kr/');
});

test('Explore keeps the view; Back to the story returns to the step', async ({ page }) => {
  await page.goto('stories/fixture?step=3');
  await expectStep(page, 3);
  await storyNav(page).getByRole('button', { name: 'Explore' }).click();
  await expect(page).toHaveURL(/\/events\/kim-jong-un-mentions-nuclear-submarine\?q=submarine$/);
  await expect(stepHeading(page, STEPS[2] ?? '')).toHaveCount(0);
  await expect(chronologyEntry(page, SUBMARINE)).toHaveAttribute('aria-current', 'true');
  // The focus is kept on the page, on the step's event in the list.
  await expect(chronologyEntry(page, SUBMARINE).getByRole('link').first()).toBeFocused();

  // The reader explores on, then goes back.
  await page.getByRole('searchbox', { name: 'Search events' }).fill('');
  await expect(page.getByRole('status').first()).toContainText('Showing 6 of 6 events');
  await page.getByRole('link', { name: `Back to the story: ${STORY_TITLE}` }).click();
  await expectStep(page, 3);
  await expect(page.getByRole('searchbox', { name: 'Search events' })).toHaveValue('submarine');
});

test('Share in a story hands out the step’s own address and its embed, not the explorer’s view', async ({
  page,
}) => {
  await page.goto('stories/fixture?step=3');
  await expect(stepHeading(page, STEPS[2] ?? '')).toBeVisible();
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Share this view' });
  const origin = new URL(page.url()).origin;
  await expect(panel.getByRole('textbox', { name: 'Link to this view' })).toHaveValue(
    `${origin}/stories/fixture?step=3`,
  );
  // In an HTML attribute the & is written &amp;.
  await expect(panel.getByRole('textbox', { name: 'Embed code' })).toHaveValue(
    new RegExp(`src="${origin}/stories/fixture\\?step=3&amp;embed=1"`),
  );
  // A story's view is the story's: a step is added to one's own story from the explorer.
  await expect(panel.getByRole('button', { name: 'Add this view to a story' })).toHaveCount(0);
  // The embed's preview is the story's step.
  const preview = page.frameLocator('iframe[title="Preview of the embed"]');
  await expect(preview.getByRole('heading', { name: STEPS[2] ?? '' })).toBeVisible();
});

test('choosing another event leaves the story, which stays a click away', async ({ page }) => {
  await page.goto('stories/fixture?step=1');
  await expectStep(page, 1);
  // The last entry: Seoul, 8 Oct (the first link of an entry is its title).
  await chronologyEntries(page).last().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/events\/seoul-defense-minister-confirms-casualties$/);
  await expect(storyNav(page)).toHaveCount(0);
  await page.getByRole('link', { name: `Back to the story: ${STORY_TITLE}` }).click();
  await expectStep(page, 1);
  await page.goBack();
  await expect(page).toHaveURL(/\/events\/seoul-defense-minister-confirms-casualties$/);
});

test('a story in the story_step columns of a CSV reads as a story', async ({ page }) => {
  // story-data's fixture: steps 1, 2 and 3 on the summit, the strike and the training, in that
  // order (not the rows' order), and a row without a step.
  const csv = fixture('story-columns.csv');
  await page.route(onlyPath('/story-columns.csv'), (route) =>
    route.fulfill({ body: csv, contentType: 'text/csv' }),
  );
  await page.goto('?data=/story-columns.csv');
  await page.getByRole('link', { name: 'Read the story' }).click();
  await expect(page).toHaveURL(/\?data=%2Fstory-columns\.csv&story=dataset$/);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page).toHaveURL(/story=dataset&step=1$/);
  await expect(
    page.getByRole('heading', { level: 2, name: 'Kim and Putin sign a defence pact' }),
  ).toBeVisible();
  await expect(page.getByText('1 of 3', { exact: true })).toBeVisible();
  // story_text is the step's text, its Markdown read.
  await expect(page.getByRole('emphasis').filter({ hasText: 'pact' })).toBeVisible();
  await expect(chronologyEntry(page, 'Kim and Putin sign a defence pact')).toHaveAttribute(
    'aria-current',
    'true',
  );
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('heading', { level: 2, name: 'Strike near Donetsk' })).toBeVisible();
  await expect(page.getByText('2 of 3', { exact: true })).toBeVisible();
});

test('a broken story file lists its issues, and the explorer still works', async ({ page }) => {
  await page.route(onlyPath('/stories-elsewhere/broken.json'), (route) =>
    route.fulfill({ body: fixture('broken-story.json'), contentType: 'application/json' }),
  );
  await page.goto('?story=/stories-elsewhere/broken.json');
  const alert = page.getByRole('alert').filter({ hasText: 'problems' });
  await expect(alert).toContainText('The story file has 4 problems');
  await expect(alert).toContainText('title: title is empty');
  await expect(alert).toContainText(
    'steps[0].view.from: "2024-13-01" is not a date in the form YYYY-MM-DD',
  );
  await expect(alert).toContainText('steps[2].title: title is missing');
  await expect(page.getByRole('status').first()).toContainText('Showing 6 of 6 events');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Show all events' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(alert).toHaveCount(0);
  await chronologyEntry(page, SUMMIT).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/events\/pyongyang-summit-defense-pact$/);
  await expect(marker(page, SUMMIT)).toHaveAttribute('aria-current', 'true');
});

test('a story file that fails to load offers Retry', async ({ page }) => {
  let answers = 0;
  await page.route(onlyPath('/stories-elsewhere/flaky.json'), (route) => {
    answers += 1;
    return answers <= 2
      ? route.fulfill({ status: 503, body: 'busy' })
      : route.fulfill({
          body: fixture('north-korea-in-ukraine.json'),
          contentType: 'application/json',
        });
  });
  await page.goto('?story=/stories-elsewhere/flaky.json&step=3');
  await expect(page.getByRole('alert')).toContainText('The server answered 503');
  await expect(page.getByRole('status').first()).toContainText('Showing 6 of 6 events');
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(stepHeading(page, STEPS[2] ?? '')).toBeVisible();
});

test('in the embed, the card leads and the steps stay inside the frame', async ({ page }) => {
  await page.goto('stories/fixture?step=2&embed=1');
  await expect(stepHeading(page, STEPS[1] ?? '')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open in Dateline' })).toBeVisible();
  await storyNav(page).getByRole('button', { name: 'Next' }).click();
  await expect(page).toHaveURL(/\/stories\/fixture\?step=3&embed=1$/);
  await expect(stepHeading(page, STEPS[2] ?? '')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a link to one step works inside an iframe', async ({ page, baseURL }) => {
  await page.setContent(
    `<main><h1>An article</h1><iframe title="The story" width="700" height="700" src="${baseURL}stories/fixture?step=4&embed=1"></iframe></main>`,
  );
  const frame = page.frameLocator('iframe[title="The story"]');
  await expect(frame.getByRole('heading', { level: 2, name: STEPS[3] })).toBeVisible();
  await frame.getByRole('button', { name: 'Previous' }).click();
  await expect(frame.getByRole('heading', { level: 2, name: STEPS[2] })).toBeVisible();
  // The article itself did not move.
  expect(page.url()).toBe('about:blank');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds nothing in story mode, desktop, ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('stories/fixture');
    await expect(stepHeading(page, STORY_TITLE)).toBeVisible();
    await expect(page.getByRole('status').first()).toContainText('Showing 6 of 6 events');
    await mapAtRest(page);
    await expectNoAxeViolations(page);
    await page.goto('stories/fixture?step=2');
    await expect(page.getByRole('img', { name: /coast of North Korea/ })).toBeVisible();
    await mapAtRest(page);
    await expectNoAxeViolations(page);
  });

  test(`axe finds nothing in story mode, phone, ${colorScheme}`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme });
    await page.goto('stories/fixture?step=2');
    await expect(stepHeading(page, STEPS[1] ?? '')).toBeVisible();
    await mapAtRest(page);
    // The sheet leaves the map in view above it.
    const sheet = await page.getByRole('region', { name: STEPS[1] }).boundingBox();
    const map = await mapRegion(page).boundingBox();
    expect(sheet && map && map.y + map.height / 2 < sheet.y).toBe(true);
    await expectNoAxeViolations(page);
    await storyNav(page).getByRole('button', { name: 'Next' }).click();
    await expectStep(page, 3);
    await mapAtRest(page);
    await expectNoAxeViolations(page);
  });
}

interface MapMotion {
  /** Animation frames in which the map changed. */
  frames: number;
  /** Milliseconds from the first change to the last. */
  span: number;
}

/**
 * How the map moved while the step changed: a flight changes it in every frame for about a
 * second, a jump in a few frames. A loaded machine draws fewer frames, so a flight is told by
 * how long it lasts and a jump by how few frames it takes.
 */
async function mapMotionDuringStepChange(page: Page): Promise<MapMotion> {
  await page.evaluate(() => {
    const record = { frame: 0, moving: new Set<number>(), first: -1, last: -1 };
    (window as unknown as { mapMoves: typeof record }).mapMoves = record;
    const tick = () => {
      record.frame += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const map = document.querySelector('[aria-label="Map"]');
    if (map)
      new MutationObserver(() => {
        const now = performance.now();
        if (record.first < 0) record.first = now;
        record.last = now;
        record.moving.add(record.frame);
      }).observe(map, {
        attributes: true,
        attributeFilter: ['style', 'transform'],
        subtree: true,
      });
  });
  await storyNav(page).getByRole('button', { name: 'Next' }).click();
  await expectStep(page, 2);
  // Settled at the step's bounds: the two Sinpo events, together, in view.
  await expect(marker(page, /^Cluster of 2 events|^2 events at the same place/)).toBeVisible();
  await page.waitForFunction(() => {
    const record = (window as unknown as { mapMoves: { frame: number; moving: Set<number> } })
      .mapMoves;
    return record.frame - Math.max(0, ...record.moving) > 30;
  });
  return page.evaluate(() => {
    const record = (
      window as unknown as { mapMoves: { moving: Set<number>; first: number; last: number } }
    ).mapMoves;
    return { frames: record.moving.size, span: record.last - record.first };
  });
}

test('the map flies between steps, and jumps under reduced motion', async ({ page }) => {
  await page.goto('stories/fixture?step=1');
  await expect(marker(page, SUMMIT)).toBeVisible();
  const flying = await mapMotionDuringStepChange(page);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('stories/fixture?step=1');
  await expect(marker(page, SUMMIT)).toBeVisible();
  const jumping = await mapMotionDuringStepChange(page);
  // The flight is 1.2 s long.
  expect(flying.span).toBeGreaterThan(700);
  expect(flying.frames).toBeGreaterThan(jumping.frames);
  expect(jumping.frames).toBeLessThan(8);
});

test('the explorer offers the bundled story, after its first screen', async ({ page }) => {
  await page.route('**/data/stories/index.json', (route) =>
    route.fulfill({ json: [{ id: 'fixture', title: STORY_TITLE, description: '', steps: 6 }] }),
  );
  await page.goto('');
  await page.getByRole('link', { name: `Story: ${STORY_TITLE}` }).click();
  await expect(stepHeading(page, STORY_TITLE)).toBeVisible();
  await expect(page).toHaveURL(/\/stories\/fixture$/);
  await page.goBack();
  await expect(storyNav(page)).toHaveCount(0);
  await expect(page.getByRole('status').first()).toContainText('Showing 6 of 6 events');
});
