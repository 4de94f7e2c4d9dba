import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { makeFeature, makeFeatureCollection } from '../src/testing/dataset-factory.ts';
import { chronologyEntries, chronologyEntry, marker } from './helpers.ts';
import { SLOT_COLOURS } from '../src/data/model/palette-colours.ts';

/** "#a65000" → "rgb(166, 80, 0)", as the browser reports a computed colour. */
function rgb(hex: string): string {
  const [red, green, blue] = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16));
  return `rgb(${red}, ${green}, ${blue})`;
}

/**
 * Real datasets kept in the repository: whole files, or excerpts that keep the awkward rows
 * (origins, licences and record counts in e2e/fixtures/real/SOURCES.md).
 */
const REAL = fileURLToPath(new URL('fixtures/real', import.meta.url));
/** Files in REAL that are not datasets: the notes on the data and the licence texts. */
const NOT_DATASETS = new Set(['SOURCES.md', 'nk-missile-tests/LICENSE']);

interface RealDataset {
  /** The main file first; companions after it. */
  files: string[];
  /**
   * Records in the file (for an excerpt, in the excerpt), as e2e/fixtures/real/SOURCES.md counts
   * them: each is shown or reported, never lost (docs/contracts.md §1).
   */
  records: number;
  /** True when the importer is not sure of the columns and asks. */
  asks: boolean;
}

const DATASETS: RealDataset[] = [
  { files: ['usgs-earthquakes-week-2019-06.geojson'], records: 2241, asks: false },
  { files: ['ukraine-civilian-harm-2022.csv'], records: 567, asks: false },
  { files: ['ucdp-ged-ukraine-2014-2022.csv'], records: 3883, asks: true },
  { files: ['cns-nk-missile-tests-1984-2023.csv'], records: 99, asks: true },
  {
    files: [
      'nk-missile-tests/test.en.json',
      'nk-missile-tests/facility.en.json',
      'nk-missile-tests/missile.en.json',
    ],
    records: 339,
    asks: true,
  },
];

function fileInput(page: Page) {
  // The header's picker; an error panel may offer a second one.
  return page.getByLabel('Dataset file (CSV, GeoJSON or JSON)').first();
}

async function openBundled(page: Page) {
  await page.goto('./');
  await expect(page.getByRole('status')).toHaveText(/^Showing 6 of 6 events/);
}

/** Reads "Showing N of N events" and "Data issues (M)" once the dataset is in. */
async function shownAndReported(page: Page): Promise<{ shown: number; reported: number }> {
  const status = page.getByRole('status');
  await expect(status).toHaveText(/^Showing [\d,]+ of [\d,]+ events/, { timeout: 20_000 });
  const [, shown = '', total = ''] =
    /^Showing ([\d,]+) of ([\d,]+)/.exec((await status.textContent()) ?? '') ?? [];
  expect(shown).toBe(total);
  const issuesButton = page.getByRole('button', { name: /^Data issues \(/ });
  const reported = (await issuesButton.count())
    ? Number(/\(([\d,]+)\)/.exec((await issuesButton.textContent()) ?? '')?.[1]?.replace(/,/g, ''))
    : 0;
  return { shown: Number(shown.replace(/,/g, '')), reported };
}

async function confirmColumnsIfAsked(page: Page, asks: boolean) {
  const dialog = page.getByRole('dialog', { name: /^Check the columns of/ });
  if (asks) {
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Import' }).click();
  }
  await expect(dialog).toHaveCount(0);
}

test('every file in e2e/fixtures/real is covered by these tests', () => {
  const listed = new Set(DATASETS.flatMap((dataset) => dataset.files));
  const present = readdirSync(REAL, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(REAL, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => !NOT_DATASETS.has(file));
  expect(present.length).toBeGreaterThan(0);
  expect(present.filter((file) => !listed.has(file))).toEqual([]);
});

for (const dataset of DATASETS) {
  const [main = ''] = dataset.files;
  test(`${main}: through the file picker, every record is shown or reported`, async ({ page }) => {
    await openBundled(page);
    await fileInput(page).setInputFiles(dataset.files.map((file) => join(REAL, file)));
    await confirmColumnsIfAsked(page, dataset.asks);
    const { shown, reported } = await shownAndReported(page);
    expect(shown).toBeGreaterThan(0);
    expect(shown + reported).toBe(dataset.records);
    const fileName = main.split('/').pop() ?? '';
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fileName);
    await expect(page.getByText(/opened on this device \(nothing is uploaded\)/)).toContainText(
      dataset.files.length > 1 ? `${fileName} + ${dataset.files.length - 1} more` : fileName,
    );
    await expect(page).toHaveURL(/[?&]data=local%3A/);
    // The way back is always there.
    await page.getByRole('link', { name: 'Back to bundled dataset' }).click();
    await expect(page.getByRole('status')).toHaveText(/^Showing 6 of 6 events/);
  });
}

for (const dataset of DATASETS.filter(({ files }) => files.length === 1)) {
  const [main = ''] = dataset.files;
  test(`${main}: through ?data=, every record is shown or reported`, async ({ page }) => {
    const body = readFileSync(join(REAL, main));
    await page.route(`**/shared-datasets/${main}`, (route) =>
      route.fulfill({
        body,
        contentType: main.endsWith('.csv') ? 'text/csv' : 'application/geo+json',
      }),
    );
    await page.goto(`./?data=${encodeURIComponent(`/shared-datasets/${main}`)}`);
    await confirmColumnsIfAsked(page, dataset.asks);
    const { shown, reported } = await shownAndReported(page);
    expect(shown + reported).toBe(dataset.records);
    await expect(
      page.getByText(new RegExp(`^From http://127\\.0\\.0\\.1:\\d+/shared-datasets/`)),
    ).toBeVisible();
  });
}

test('a file whose places are listed in another file says how to open it, through ?data= and the picker', async ({
  page,
}) => {
  await page.route('**/shared-datasets/test.en.json', (route) =>
    route.fulfill({ body: readFileSync(join(REAL, 'nk-missile-tests/test.en.json')) }),
  );
  await page.goto(`./?data=${encodeURIComponent('/shared-datasets/test.en.json')}`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('its 339 records have no coordinates');
  await expect(alert).toContainText('“facility”');
  await expect(alert).toContainText('open this file together with that one');
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();

  await fileInput(page).setInputFiles(join(REAL, 'nk-missile-tests/facility.en.json'));
  await expect(page.getByRole('alert')).toContainText(
    'facility.en.json lists 56 entries by name (like “tonghae”), not events',
  );
  // Retrying cannot change a file on the reader's own device.
  await expect(page.getByRole('alert').getByRole('button', { name: 'Retry' })).toHaveCount(0);
});

test('the column dialog shows its guess, the first rows as read, and takes a change', async ({
  page,
}) => {
  // Two imports of the file and two full axe runs: more than the usual timeout on a busy machine.
  test.slow();
  await openBundled(page);
  await fileInput(page).setInputFiles(join(REAL, 'cns-nk-missile-tests-1984-2023.csv'));
  const dialog = page.getByRole('dialog', {
    name: 'Check the columns of cns-nk-missile-tests-1984-2023.csv',
  });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('“Missile Name” was guessed as the title.')).toBeVisible();
  await expect(dialog.getByText(/Two-digit years: 69–99 are read as 1969–1999/)).toBeVisible();
  const preview = dialog.getByRole('table', { name: 'The first rows as they will read' });
  await expect(preview.getByRole('row').nth(1)).toContainText('9 April 1984');
  await expect(preview.getByRole('row').nth(1)).toContainText('Scud-B');
  await expectNoAxeViolations(page);

  await dialog.getByRole('combobox', { name: 'Title (required)' }).selectOption('Facility Name');
  await expect(preview.getByRole('row').nth(1)).toContainText('Tonghae Satellite Launching Ground');
  await dialog.getByRole('combobox', { name: 'Title (required)' }).selectOption('');
  await expect(dialog.getByRole('alert')).toHaveText('Choose a column for: Title.');
  await expect(dialog.getByRole('button', { name: 'Import' })).toBeDisabled();
  await dialog.getByRole('combobox', { name: 'Title (required)' }).selectOption('Facility Name');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Showing 85 of 85 events/);
  await expect(chronologyEntries(page).first()).toContainText('Tonghae Satellite Launching Ground');
  // Month-only dates stay months: "Sep-84" is September 1984, not 1 September.
  await expect(chronologyEntries(page).nth(3)).toContainText('Sept 1984');

  // The reader can check how the file was read, and change it afterwards.
  await page.getByText('About this file').click();
  await expect(page.getByText('CSV, Windows-1252')).toBeVisible();
  await page.getByRole('button', { name: 'Change columns…' }).click();
  await page
    .getByRole('dialog')
    .getByRole('combobox', { name: 'Title (required)' })
    .selectOption('Missile Name');
  await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
  await expect(chronologyEntries(page).first()).toContainText('Scud-B');

  await page.getByRole('button', { name: /^Data issues \(14\)/ }).click();
  await expect(page.getByRole('region', { name: 'Data issues' })).toContainText(
    'Row 55 · line 56 · Facility Latitude“Unknown” is not a number',
  );
  await expectNoAxeViolations(page);
});

test('cancelling the column dialog goes back to the bundled dataset', async ({ page }) => {
  await openBundled(page);
  await fileInput(page).setInputFiles(join(REAL, 'ucdp-ged-ukraine-2014-2022.csv'));
  await page.getByRole('dialog').press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText(/^Showing 6 of 6 events/);
  await expect(page).toHaveURL(/\/$/);
});

test('a dropped file opens like a picked one, and says that nothing is uploaded', async ({
  page,
}) => {
  await openBundled(page);
  const csv = 'date,title,lat,lon,link\n2024-10-08,Dropped event,37.5,127,https://example.org/a\n';
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
    return transfer;
  }, csv);
  // The page listens for dropped files once its first screen is drawn (docs/decisions.md §15):
  // the drag enters again until it is heard, as a reader's pointer would move on.
  await expect(async () => {
    await page.dispatchEvent('main', 'dragenter', { dataTransfer });
    await expect(page.getByText('Drop to open the dataset')).toBeVisible({ timeout: 500 });
  }).toPass();
  await expect(page.getByText('nothing is uploaded')).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.getByText('Drop to open the dataset')).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText(/^Showing 1 of 1 event/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('dropped.csv');
  await chronologyEntry(page, /Dropped event/)
    .getByRole('link')
    .click();
  await expect(page.getByRole('link', { name: /example\.org/ })).toHaveAttribute(
    'href',
    'https://example.org/a',
  );
});

test('a deep link into a dataset given by address opens its event, with an id derived or given', async ({
  page,
}) => {
  const body = readFileSync(join(REAL, 'usgs-earthquakes-week-2019-06.geojson'));
  await page.route('**/shared-datasets/usgs.geojson', (route) =>
    route.fulfill({ body, contentType: 'application/geo+json' }),
  );
  await page.goto(
    `./events/nc73198821?data=${encodeURIComponent('/shared-datasets/usgs.geojson')}`,
  );
  const entry = chronologyEntry(page, /^M 0\.7 - 1km E of The Geysers, CA/);
  await expect(entry).toHaveAttribute('aria-current', 'true');
  await expect(
    page.getByRole('heading', { name: 'M 0.7 - 1km E of The Geysers, CA' }),
  ).toBeVisible();
  await expect(page.getByText('16 June 2019, 16:27 UTC').first()).toBeVisible();
  await expect(marker(page, 'M 0.7 - 1km E of The Geysers, CA')).toHaveAttribute(
    'aria-current',
    'true',
  );
  await expect(page).toHaveTitle(/^M 0\.7 - 1km E of The Geysers, CA/);

  // A row without an id gets one derived from its content: the same link works next time.
  const csv =
    'Date,Latitude,Longitude,Magnitude\n01/02/1965,19.246,145.616,6.0\n01/24/1965,-2.608,125.952,8.2\n';
  await page.route('**/shared-datasets/m55.csv', (route) =>
    route.fulfill({ body: csv, contentType: 'text/csv' }),
  );
  await page.goto(`./?data=${encodeURIComponent('/shared-datasets/m55.csv')}`);
  await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
  await chronologyEntry(page, /^Magnitude 8\.2/)
    .getByRole('link')
    .click();
  const link = page.url();
  expect(link).toMatch(/\/events\/magnitude-8-2-[a-z0-9]+\?data=/);
  await page.goto(link);
  await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
  await expect(chronologyEntry(page, /^Magnitude 8\.2/)).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('heading', { name: 'Magnitude 8.2' })).toBeVisible();
});

test('a relative ?data= address means the same file on an event page as on the front page', async ({
  page,
}) => {
  const csv = 'id,date,title,lat,lon\nfirst,2024-01-01,First,1,2\nsecond,2024-02-01,Second,3,4\n';
  await page.route('**/relative.csv', (route) =>
    route.fulfill({
      body: new URL(route.request().url()).pathname.endsWith('/events/relative.csv')
        ? '<html>'
        : csv,
      contentType: 'text/csv',
    }),
  );
  await page.goto('./?data=relative.csv');
  await chronologyEntry(page, /^Second/)
    .getByRole('link')
    .click();
  await expect(page).toHaveURL(/\/events\/second\?data=relative\.csv$/);
  await page.reload();
  await expect(chronologyEntry(page, /^Second/)).toHaveAttribute('aria-current', 'true');
  await expect(page.getByText(/^From http:\/\/127\.0\.0\.1:\d+\/relative\.csv$/)).toBeVisible();
});

test('a file without a usable category column gets one suggested; case variants merge, graded', async ({
  page,
}) => {
  await openBundled(page);
  await fileInput(page).setInputFiles(join(REAL, 'ukraine-civilian-harm-2022.csv'));
  await expect(page.getByRole('status')).toHaveText(/^Showing 563 of 563 events/, {
    timeout: 20_000,
  });
  const legend = page.getByRole('complementary', { name: 'Legend' });
  // "event_group" has too many values to colour apart; "violence level" is suggested instead,
  // and the legend says what its values are.
  await expect(legend.getByText('Violence level', { exact: true })).toBeVisible();
  // "GRAPHIC" (14 rows) and "Graphic" (1 row) are one category.
  await expect(legend.getByRole('button', { name: /^GRAPHIC/ })).toHaveText('GRAPHIC (15)');
  await expect(legend.getByRole('button', { name: /^Graphic/ })).toHaveCount(0);
  // Levels are listed in their order, and graded: the colours run along one scale.
  const levels = legend.getByRole('button', { name: /^[1-5] \(/ });
  await expect(levels).toHaveText([/^1 /, /^2 /, /^3 /, /^4 /, /^5 /]);
  const swatches = await levels.evaluateAll((buttons) =>
    buttons.map((button) => {
      const swatch = button.querySelector('.category-swatch');
      return swatch ? getComputedStyle(swatch).backgroundColor : '';
    }),
  );
  expect(swatches).toEqual(
    (['grade-1', 'grade-2', 'grade-3', 'grade-4', 'grade-5'] as const).map((grade) =>
      rgb(SLOT_COLOURS[grade].light),
    ),
  );

  await page.getByText('About this file').click();
  await expect(
    page.getByText('“violence level” was suggested as the category', { exact: false }),
  ).toBeVisible();
  await expect(
    page.getByText(
      'Categories that differ only in case or spacing were merged: “Graphic” (1 row) into “GRAPHIC”.',
      { exact: false },
    ),
  ).toBeVisible();
});

test('a link into an opened file asks for the file after a reload, then opens its event', async ({
  page,
}) => {
  const file = join(REAL, 'ukraine-civilian-harm-2022.csv');
  await openBundled(page);
  await fileInput(page).setInputFiles(file);
  await expect(page.getByRole('status')).toHaveText(/^Showing 563 of 563 events/, {
    timeout: 20_000,
  });
  await page.getByRole('searchbox', { name: 'Search events' }).fill('Petrishki');
  await chronologyEntries(page).first().getByRole('link').click();
  await expect(page).toHaveURL(/\/events\/uw0067\?/);

  await page.reload();
  await expect(page.getByRole('alert')).toContainText(
    '“ukraine-civilian-harm-2022.csv” was opened from a device, and opened files are not kept',
  );
  await fileInput(page).setInputFiles(file);
  await expect(
    chronologyEntry(page, /Russian military equipment moving in Belarus/),
  ).toHaveAttribute('aria-current', 'true');
  await expect(page).toHaveURL(/\/events\/uw0067\?/);
});

test('export, then import, gives the same events: GeoJSON and CSV', async ({ page }, testInfo) => {
  await openBundled(page);
  await page.getByRole('searchbox', { name: 'Search events' }).fill('Sinpo');
  await expect(page.getByRole('status')).toHaveText(/^Showing 3 of 6 events/);

  for (const format of ['GeoJSON', 'CSV'] as const) {
    await page.goto(`./?q=Sinpo`);
    await page.getByRole('button', { name: 'Export' }).click();
    const [first] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: format, exact: true }).click(),
    ]);
    expect(first.suggestedFilename()).toMatch(
      new RegExp(
        `^north-korea-russia-and-the-war-in-ukraine_\\d{4}-\\d{2}-\\d{2}_\\d{4}-\\d{2}-\\d{2}_sinpo\\.${format === 'CSV' ? 'csv' : 'geojson'}$`,
      ),
    );
    const firstPath = testInfo.outputPath(first.suggestedFilename());
    await first.saveAs(firstPath);

    await fileInput(page).setInputFiles(firstPath);
    await expect(page.getByRole('status')).toHaveText(/^Showing 3 of 3 events/);
    await expect(chronologyEntries(page)).toHaveCount(3);
    await expect(page.getByRole('button', { name: /^Data issues/ })).toHaveCount(0);

    await page.getByRole('button', { name: 'Export' }).click();
    const [second] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: format, exact: true }).click(),
    ]);
    const secondPath = testInfo.outputPath(`again-${second.suggestedFilename()}`);
    await second.saveAs(secondPath);
    const normalise = (text: string) =>
      // The re-import's title is the file's own name; the rest must match byte for byte.
      text.replace(/"title": "[^"]*",\n "description"/, '"title": "",\n "description"');
    expect(normalise(readFileSync(secondPath, 'utf8'))).toBe(
      normalise(readFileSync(firstPath, 'utf8')),
    );
  }
});

test('a manifest of time-partitioned parts loads as one dataset', async ({ page }) => {
  const part = (year: number, ids: string[]) =>
    makeFeatureCollection(
      ids.map((id, index) =>
        makeFeature({
          id,
          properties: { title: `Event ${id}`, date: `${year}-0${index + 1}-15` },
        }),
      ),
    );
  await page.route('**/sets/manifest.json', (route) =>
    route.fulfill({
      json: {
        type: 'DatelineManifest',
        title: 'Two years in parts',
        parts: [
          { url: 'parts/2022.geojson', from: '2022-01-01', to: '2022-12-31', events: 2 },
          { url: 'parts/2023.geojson', from: '2023-01-01', to: '2023-12-31', events: 3 },
        ],
      },
    }),
  );
  await page.route('**/sets/parts/2022.geojson', (route) =>
    route.fulfill({ json: part(2022, ['a', 'b']) }),
  );
  await page.route('**/sets/parts/2023.geojson', (route) =>
    route.fulfill({ json: part(2023, ['c', 'd', 'a']) }),
  );
  await page.goto(`./?data=${encodeURIComponent('/sets/manifest.json')}`);
  await expect(page.getByRole('status')).toHaveText(
    /^Showing 4 of 4 events · 15 Jan 2022 – 15 Feb 2023/,
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Two years in parts');
  await page.getByRole('button', { name: 'Data issues (1)' }).click();
  await expect(page.getByRole('region', { name: 'Data issues' })).toContainText(
    '2023.geojson · id',
  );
  await expect(chronologyEntries(page).first()).toContainText('Event a');
});
