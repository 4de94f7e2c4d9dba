/**
 * Issue #8: hostile data, hostile URLs, broken networks, and offline use. Each test fails if the
 * protection it is about is taken away.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Page } from '@playwright/test';
import { makeFeature, makeFeatureCollection } from '../src/testing/dataset-factory.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import {
  chronology,
  chronologyEntries,
  DATASET_ROUTE,
  serveDataset,
  visitThenReloadOffline,
} from './helpers.ts';

/** Markup and script in every text field: each would set window.__pwned or open a dialog if run. */
const PAYLOADS = {
  script: '<script>window.__pwned = "script"</script>',
  img: '<img src=x onerror="window.__pwned = \'img\'">',
  svg: '<svg onload="window.__pwned = \'svg\'"></svg>',
  iframe: '<iframe src="javascript:alert(1)"></iframe>',
  alert: '"><script>alert(1)</script>',
};

function hostileDataset() {
  const good = makeFeature({
    id: 'hostile-but-valid',
    properties: {
      title: `Title ${PAYLOADS.script} ${PAYLOADS.img}`,
      summary: `Summary ${PAYLOADS.svg} ${PAYLOADS.iframe} javascript:alert(1)`,
      place: `Place ${PAYLOADS.alert}`,
      category: 'statement',
      tags: [PAYLOADS.img],
      sources: [
        {
          publisher: `Publisher ${PAYLOADS.img}`,
          title: `Source ${PAYLOADS.script}`,
          url: 'https://example.org/story?q=<script>alert(1)</script>',
          quote: `Quote ${PAYLOADS.svg}`,
        },
      ],
    },
  });
  // Records whose only link is script or data: they are reported, and the report shows the
  // address as text.
  const javascriptLink = makeFeature({
    id: 'javascript-link',
    properties: {
      title: 'Has a javascript: link',
      sources: [{ publisher: 'Evil', url: 'javascript:window.__pwned="link"' }],
    },
  });
  const dataLink = makeFeature({
    id: 'data-link',
    properties: {
      title: 'Has a data: link',
      sources: [
        { publisher: 'Evil', url: 'data:text/html,<script>window.__pwned="data"</script>' },
      ],
    },
  });
  const spacedLink = makeFeature({
    id: 'spaced-link',
    properties: {
      title: 'Has a javascript: link behind spaces',
      sources: [{ publisher: 'Evil', url: ' \tJaVaScRiPt:window.__pwned="spaced"' }],
    },
  });
  return [good, javascriptLink, dataLink, spacedLink];
}

async function watchForScript(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return {
    dialogs,
    pwned: () => page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null),
  };
}

test.describe('script injection', () => {
  test('markup and script in every field render as inert text, and only http(s) is linked', async ({
    page,
  }) => {
    const watch = await watchForScript(page);
    await serveDataset(page, hostileDataset(), `Dataset ${PAYLOADS.script}`);
    await page.goto('./');
    await expect(page.getByRole('status')).toHaveText(/^Showing 1 of 1 event/);
    // The title is shown literally, markup and all.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Dataset ${PAYLOADS.script}`);
    const entry = chronologyEntries(page).first();
    await expect(entry).toContainText(`Title ${PAYLOADS.script} ${PAYLOADS.img}`);

    // Open the details (summary, place, sources, quote) and the Data issues panel.
    await entry.getByRole('link').click();
    await expect(page).toHaveURL(/\/events\/hostile-but-valid$/);
    const details = entry;
    await expect(details).toContainText(`Summary ${PAYLOADS.svg} ${PAYLOADS.iframe}`);
    await expect(details).toContainText(`Quote ${PAYLOADS.svg}`);
    await expect(details).toContainText(`Publisher ${PAYLOADS.img}`);
    await expect(page).toHaveTitle(new RegExp(`^Title <script>`));
    await page.getByRole('button', { name: /Data issues \(3\)/ }).click();
    const issues = page.getByRole('region', { name: /Data issues/ });
    await expect(issues).toContainText('javascript:window.__pwned');
    await expect(issues).toContainText('data:text/html');

    // Nothing ran, nothing opened, no element came from the data.
    expect(await watch.pwned()).toBeNull();
    expect(watch.dialogs).toEqual([]);
    expect(
      await page.locator('#root script, #root iframe, #root img, #root svg[onload]').count(),
    ).toBe(0);
    const hrefs = await page
      .locator('#root a[href]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|\/|#|\.\/|\?)/);
    const external = await page
      .locator('#root a[href^="http"]')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(external).toContain('https://example.org/story?q=%3Cscript%3Ealert(1)%3C/script%3E');
    await expectNoAxeViolations(page);
  });

  test('the built site ships a Content Security Policy that refuses inline script', async ({
    browser,
    baseURL,
  }) => {
    // A context of its own: the shared fixture fails any test that sees a policy violation, and
    // this one provokes one on purpose.
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto('./');
    await expect(page.getByRole('status')).toHaveText(/^Showing 6 of 6 events/);
    const policy = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toContain("object-src 'none'");

    const refused = await page.evaluate(async () => {
      const violation = new Promise<string>((resolve) =>
        document.addEventListener('securitypolicyviolation', (event) =>
          resolve(event.violatedDirective),
        ),
      );
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = "inline"';
      document.body.append(script);
      const image = document.createElement('div');
      image.innerHTML = '<img src="x" onerror="window.__pwned = \'handler\'">';
      document.body.append(image);
      const directive = await violation;
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { directive, pwned: (window as unknown as { __pwned?: string }).__pwned ?? null };
    });
    expect(refused.directive).toMatch(/^script-src/);
    expect(refused.pwned).toBeNull();

    // The same policy as a header, for static hosts that read a _headers file.
    const headers = await page.request.get('_headers');
    expect(headers.ok()).toBe(true);
    expect(await headers.text()).toContain(`Content-Security-Policy: ${policy}`);
    await context.close();
  });
});

test.describe('hostile URLs', () => {
  /** Hand-picked, then generated: paths and parameters a stranger's link might carry. */
  const HAND_PICKED = [
    'events/%00',
    `events/${'a'.repeat(5000)}`,
    'events/<script>alert(1)<%2Fscript>',
    'events/..%2F..%2Fetc%2Fpasswd',
    'events//sinpo',
    '?from=2024-99-99&to=yesterday&cat=%00&q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
    '?data=javascript:alert(1)',
    '?data=data:application/json,%7B%7D',
    '?data=file:///etc/passwd',
    '?from=2024-10-01&from=2024-01-01&to=2024-02-30',
    `?q=${'%F0%9F%92%A5'.repeat(300)}`,
    '?cat=&cat=&cat=statement&&&=&%=',
  ];

  test('random and broken addresses never crash the page, and bad values get a notice', async ({
    page,
  }) => {
    test.slow();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const watch = await watchForScript(page);
    const generated = fc.sample(
      fc.tuple(
        fc.webPath(),
        fc.dictionary(
          fc.constantFrom('from', 'to', 'q', 'cat', 'data', 'x'),
          fc.oneof(
            fc.string(),
            fc.date().map((date) => date.toISOString().slice(0, 10)),
          ),
        ),
      ),
      { numRuns: 12, seed: 8 },
    );
    const samples = [
      ...HAND_PICKED,
      ...generated.map(([path, params]) => {
        const query = new URLSearchParams(
          Object.entries(params).filter(([key, value]) => !(key === 'data' && /^\/\//.test(value))),
        );
        return `${path.replace(/^\/+/, '')}?${query}`;
      }),
    ];
    for (const sample of samples) {
      await page.goto(`./${sample}`);
      // Either the events, or "Event not found" with a way back: never a blank or broken page.
      await expect(
        page
          .getByRole('status')
          .or(page.getByRole('heading', { name: /not found/i }))
          .first(),
        sample,
      ).toBeVisible();
      await expect(page.locator('#root')).not.toBeEmpty();
      // Corrections replace the address a moment later (ADDRESS_WRITE_DELAY_MS), so poll.
      await expect
        .poll(() => new URL(page.url()).searchParams.get('data') ?? '', { message: sample })
        .not.toMatch(/^(javascript|data|file):/i);
    }
    // A path no server can decode (static hosts answer 400): reached inside the app instead.
    await page.goto('./');
    await page.evaluate(() => {
      history.pushState(null, '', '/events/%E0%A4%A?from=%E0%A4%A');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await expect(page.getByRole('alert')).toContainText(
      'That address does not point to an event; showing all events.',
    );
    await expect(page.getByRole('status')).toHaveText(/^Showing 6 of 6 events/);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');

    expect(errors).toEqual([]);
    expect(watch.dialogs).toEqual([]);
    expect(await watch.pwned()).toBeNull();

    // A bad value is corrected in the address and the reader is told.
    await page.goto('./?from=2024-99-99&data=javascript:alert(1)');
    await expect(page.getByRole('alert')).toContainText(/2024-99-99/);
    await expect.poll(() => page.url()).not.toContain('from=');
    expect(page.url()).not.toContain('javascript');
  });
});

test.describe('broken networks', () => {
  const recovered = () =>
    makeFeatureCollection([makeFeature({ properties: { title: 'Recovered event' } })]);

  async function expectRecovery(page: Page) {
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(chronology(page)).toContainText('Recovered event');
    await expect(page.getByRole('status')).toHaveText(/^Showing 1 of 1 event/);
    await expect(page.getByRole('alert')).toHaveCount(0);
  }

  test('a request that fails is retried, then says so, and Retry recovers', async ({ page }) => {
    let attempts = 0;
    let failing = true;
    await page.route(DATASET_ROUTE, async (route) => {
      attempts += 1;
      if (failing) await route.abort('connectionreset');
      else await route.fulfill({ json: recovered() });
    });
    await page.goto('./');
    await expect(page.getByRole('alert')).toContainText('the network request failed');
    // Two quiet retries before the reader is asked: a dropped connection often comes back.
    expect(attempts).toBe(3);
    failing = false;
    await expectRecovery(page);
  });

  test('half a file says it was cut off, and Retry recovers', async ({ page }) => {
    const whole = readFileSync('data/events.geojson', 'utf8');
    let cut = true;
    await page.route(DATASET_ROUTE, (route) =>
      cut
        ? route.fulfill({
            contentType: 'application/geo+json',
            body: whole.slice(0, Math.floor(whole.length / 2)),
          })
        : route.fulfill({ json: recovered() }),
    );
    await page.goto('./');
    await expect(page.getByRole('alert')).toContainText(
      /events\.geojson stops in the middle .* the download was cut off/,
    );
    await expectNoAxeViolations(page);
    cut = false;
    await expectRecovery(page);
  });

  test('a server that hangs for 10 s: a loading state that counts the wait, then the events', async ({
    page,
  }) => {
    test.slow();
    await page.route(DATASET_ROUTE, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      await route.fulfill({ json: recovered() });
    });
    await page.goto('./');
    await expect(page.getByText(/Waiting for the server: no answer for \d+ s/)).toBeVisible({
      timeout: 6_000,
    });
    // The page stays usable while it waits: the search field is there, the header answers.
    await expect(page.getByRole('button', { name: 'Open dataset…' })).toBeEnabled();
    await expect(chronology(page)).toContainText('Recovered event', { timeout: 25_000 });
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a server that never answers: a clear error after 30 s, and Retry recovers', async ({
    page,
  }) => {
    test.slow();
    let hang = true;
    await page.route(DATASET_ROUTE, async (route) => {
      if (!hang) return route.fulfill({ json: recovered() });
      // Never answered; the app gives up on its own.
      await new Promise(() => {});
    });
    await page.goto('./');
    await expect(page.getByRole('alert')).toContainText(
      'stopped answering: nothing arrived for 30 seconds',
      { timeout: 45_000 },
    );
    hang = false;
    await expectRecovery(page);
  });
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('after one visit, the app and its dataset open offline, event links too', async ({
    page,
    context,
  }) => {
    test.slow();
    // The worker stores the app's files, then the dataset.
    await visitThenReloadOffline(page, {
      cachePrefix: 'dateline-datasets',
      urlPattern: /\/data\/events\.geojson$/,
      atLeast: 0,
    });
    await expect(page.getByRole('alert')).toContainText(
      'You are offline: these are the events saved on',
    );
    // An event's own link works offline too: the stored app routes it.
    await page.goto('./events/pyongyang-summit-defense-pact');
    await expect(page).toHaveTitle(/Putin/);
    await expect(chronologyEntries(page).filter({ hasText: 'Putin' }).first()).toContainText(
      'June 2024',
    );
    await context.setOffline(false);
  });
});
