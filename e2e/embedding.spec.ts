import AxeBuilder from '@axe-core/playwright';
import type { FrameLocator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/**
 * The reader view for iframes (?embed=1, docs/embedding.md) inside an article on another origin,
 * and the Share menu that hands out its snippet. The article is not served: page.route answers
 * for it, on a port nothing listens on, so it is another origin than the app's.
 */
const ARTICLE = 'http://127.0.0.1:4990/article.html';
const STRANGER = 'http://127.0.0.1:4991/stranger.html';

const DONETSK = {
  id: 'donetsk-strike-north-korean-officers',
  title: 'Six North Korean officers reported killed in a missile strike near Donetsk',
};
const SUMMIT = {
  id: 'pyongyang-summit-defense-pact',
  title: 'Putin and Kim Jong-un agree a mutual defence pact at their Pyongyang summit',
};
const SINPO = {
  id: 'sinpo-cruise-missile-tests',
  title: 'North Korea tests cruise missiles fired from near the Sinpo submarine base',
};

// The article is answered by page.route, which Chromium counts as a public page: it may frame
// the app on 127.0.0.1 only with the local-network permission a real public site would not need.
test.use({ permissions: ['local-network-access', 'clipboard-read', 'clipboard-write'] });

interface ArticleOptions {
  width: number;
  height: number;
  /** Sizes the frame from its resize messages with the script of docs/embedding.md. */
  autosize?: boolean;
  /** A third frame with this address of the app (the full view, no embed), named "full". */
  fullView?: string;
}

/** An article page of its own origin around the embed, recording every message it receives. */
function articleHtml(
  src: string,
  { width, height, autosize = false, fullView }: ArticleOptions,
): string {
  const sizing = autosize
    ? `var frame = document.getElementById('embed');
       var origin = new URL(frame.src).origin;
       window.addEventListener('message', function (event) {
         if (event.origin !== origin || event.source !== frame.contentWindow) return;
         var data = event.data;
         if (data && data.type === 'dateline:resize' && typeof data.height === 'number') {
           frame.style.height = Math.min(Math.max(data.height, 300), 3000) + 'px';
         }
       });`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>An article</title>
<style>body{max-width:${width + 40}px;margin:0 auto;padding:0 20px;font:18px/1.6 Georgia,serif}
iframe{display:block;border:0}</style></head>
<body><main><h1>North Korean troops in Ukraine: what we know</h1>
<p>Reports from Seoul and Kyiv describe a widening role for North Korean officers near the front.</p>
<iframe id="embed" src="${src}" title="Map and chronology of the events" width="${width}" height="${height}"></iframe>
<p>The story goes on after the embed, as an article does.</p>
<iframe id="stranger" src="${STRANGER}" title="An advertisement" width="200" height="40"></iframe>
${fullView ? `<iframe id="full" src="${fullView}" title="The full app" width="900" height="600"></iframe>` : ''}
</main>
<script>
  window.received = [];
  window.addEventListener('message', function (event) {
    var full = document.getElementById('full');
    var from = full && event.source === full.contentWindow ? 'full' : 'other';
    window.received.push({ origin: event.origin, data: event.data, from: from });
  });
  ${sizing}
</script></body></html>`;
}

/** A frame of a third origin on the same page that tries to steer the embed when told to. */
const STRANGER_HTML = `<!doctype html><html lang="en"><head><title>Ad</title></head><body><p>Ad</p>
<script>
  window.addEventListener('message', function (event) {
    if (event.data !== 'go') return;
    parent.frames[0].postMessage({ type: 'dateline:select', id: '${SINPO.id}' }, '*');
    parent.postMessage('stranger-sent', '*');
  });
</script></body></html>`;

async function openArticle(
  page: Page,
  path: string,
  options: ArticleOptions = { width: 680, height: 480 },
): Promise<FrameLocator> {
  const app = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}/`;
  const src = new URL(path, app).href;
  if (options.fullView) options = { ...options, fullView: new URL(options.fullView, app).href };
  await page.route(ARTICLE, (route) =>
    route.fulfill({ contentType: 'text/html', body: articleHtml(src, options) }),
  );
  await page.route(STRANGER, (route) =>
    route.fulfill({ contentType: 'text/html', body: STRANGER_HTML }),
  );
  await page.setViewportSize({ width: options.width + 80, height: options.height + 400 });
  await page.goto(ARTICLE);
  const frame = page.frameLocator('#embed');
  await expect(frame.getByRole('status')).toHaveText(/^Showing \d of 6 events/);
  return frame;
}

type Received = { origin: string; data: unknown; from: 'full' | 'other' }[];

function received(page: Page): Promise<Received> {
  return page.evaluate(() => (window as unknown as { received: Received }).received);
}

async function selections(page: Page): Promise<(string | null)[]> {
  return (await received(page))
    .map(({ data }) => data as { type?: string; id?: string | null })
    .filter((data) => data.type === 'dateline:select')
    .map((data) => data.id ?? null);
}

function postFromParent(page: Page, message: unknown) {
  return page.evaluate(([data, origin]) => window.frames[0]?.postMessage(data, origin), [
    message,
    `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`,
  ] as const);
}

function card(frame: FrameLocator) {
  return frame.getByRole('article').filter({ has: frame.getByRole('heading', { level: 2 }) });
}

test.describe('the embed in an article on another origin', () => {
  test('sends its height and its selection to the parent, from its own origin', async ({
    page,
  }) => {
    const frame = await openArticle(page, `events/${DONETSK.id}?embed=1`);
    await expect(card(frame).getByRole('heading', { name: DONETSK.title })).toBeVisible();
    const appOrigin = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;

    await expect.poll(() => selections(page)).toContain(DONETSK.id);
    await expect
      .poll(async () =>
        (await received(page)).some(
          ({ origin, data }) =>
            origin === appOrigin &&
            (data as { type?: string }).type === 'dateline:resize' &&
            (data as { height: number }).height > 400,
        ),
      )
      .toBe(true);

    // A selection made inside the frame changes only the frame, and is told.
    await frame
      .getByRole('list', { name: 'Chronology' })
      .getByRole('link', { name: SUMMIT.title })
      .click();
    await expect(card(frame).getByRole('heading', { name: SUMMIT.title })).toBeVisible();
    await expect.poll(() => selections(page)).toContain(SUMMIT.id);
    await expect(page).toHaveURL(ARTICLE);
    for (const { origin } of await received(page)) expect(origin).toBe(appOrigin);
  });

  test('a message from the parent selects an event, clears it, or says it is not found', async ({
    page,
  }) => {
    const frame = await openArticle(page, `events/${DONETSK.id}?embed=1`);
    await expect(card(frame).getByRole('heading', { name: DONETSK.title })).toBeVisible();

    await postFromParent(page, { type: 'dateline:select', id: SINPO.id });
    await expect(card(frame).getByRole('heading', { name: SINPO.title })).toBeVisible();
    await expect(
      frame.getByRole('list', { name: 'Chronology' }).locator('[aria-current="true"]'),
    ).toContainText(SINPO.title);

    // A message of the wrong shape is ignored; the next good one still works.
    await postFromParent(page, { type: 'dateline:select', id: SUMMIT.id, extra: true });
    await postFromParent(page, { type: 'dateline:select', id: null });
    await expect(card(frame)).toHaveCount(0);
    expect(await selections(page)).not.toContain(SUMMIT.id);

    await postFromParent(page, { type: 'dateline:select', id: 'no-such-event' });
    await expect(frame.getByRole('alert')).toContainText('Event not found');
  });

  test('a message from another origin on the page is ignored', async ({ page }) => {
    const frame = await openArticle(page, `events/${DONETSK.id}?embed=1`);
    await expect(card(frame).getByRole('heading', { name: DONETSK.title })).toBeVisible();

    // The stranger's frame posts to the embed (parent.frames[0]) and says so.
    await page.evaluate(() => window.frames[1]?.postMessage('go', '*'));
    await expect
      .poll(async () => (await received(page)).some(({ data }) => data === 'stranger-sent'))
      .toBe(true);
    // Then the parent selects another event: once it shows, the earlier message had its turn.
    await postFromParent(page, { type: 'dateline:select', id: SUMMIT.id });
    await expect(card(frame).getByRole('heading', { name: SUMMIT.title })).toBeVisible();
    expect(await selections(page)).not.toContain(SINPO.id);
  });

  test('the full view in a frame neither sends nor accepts messages', async ({ page }) => {
    const frame = await openArticle(page, `events/${DONETSK.id}?embed=1`, {
      width: 680,
      height: 480,
      fullView: `events/${DONETSK.id}`,
    });
    const full = page.frameLocator('#full');
    const selectedInFull = full
      .getByRole('list', { name: 'Chronology' })
      .locator('[aria-current="true"]');
    await expect(selectedInFull).toContainText(DONETSK.title);

    // The parent asks the full view to select another event: it does not listen.
    await page.evaluate(
      ([id, origin]) =>
        (document.getElementById('full') as HTMLIFrameElement).contentWindow?.postMessage(
          { type: 'dateline:select', id },
          origin,
        ),
      [SUMMIT.id, `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`] as const,
    );
    // The same message to the embed, after it, is taken: by then the full view had its turn.
    await postFromParent(page, { type: 'dateline:select', id: SUMMIT.id });
    await expect(card(frame).getByRole('heading', { name: SUMMIT.title })).toBeVisible();
    await expect.poll(() => selections(page)).toContain(SUMMIT.id);
    await expect(selectedInFull).toContainText(DONETSK.title);
    expect((await received(page)).filter(({ from }) => from === 'full')).toEqual([]);
  });

  test('reads only, and Open in Dateline opens the full view of the same event and filters', async ({
    page,
  }) => {
    const frame = await openArticle(page, `events/${DONETSK.id}?q=officers&embed=1`);
    await expect(frame.getByRole('status')).toHaveText(/^Showing 1 of 6 events/);
    for (const name of [
      /^Open dataset/,
      /^Export/,
      /^Publish/,
      /^Data issues/,
      /^About this file/,
      /^Share/,
      /^Back to bundled dataset/,
    ]) {
      await expect(frame.getByRole('button', { name })).toHaveCount(0);
      await expect(frame.getByRole('link', { name })).toHaveCount(0);
    }
    await expect(frame.getByRole('searchbox')).toHaveCount(0);
    await expect(frame.getByRole('dialog')).toHaveCount(0);

    const open = frame.getByRole('link', { name: /^Open in Dateline/ });
    await expect(open).toHaveAttribute('target', '_blank');
    await expect(open).toHaveAttribute('rel', 'noopener');
    const [fullView] = await Promise.all([page.waitForEvent('popup'), open.click()]);
    const port = process.env.E2E_PORT ?? 4173;
    await expect(fullView).toHaveURL(`http://127.0.0.1:${port}/events/${DONETSK.id}?q=officers`);
    await expect(fullView.getByRole('heading', { level: 1 })).toHaveText(
      'North Korea, Russia and the war in Ukraine',
    );
    await expect(fullView.getByRole('button', { name: /^Open dataset/ })).toBeVisible();
    await expect(
      fullView.getByRole('list', { name: 'Chronology' }).locator('[aria-current="true"]'),
    ).toContainText(DONETSK.title);
    await expect(page).toHaveURL(ARTICLE);
  });

  for (const size of [
    { width: 680, height: 480 },
    { width: 360, height: 640 },
  ]) {
    test(`the selected event's card is in the frame's view at ${size.width}×${size.height}`, async ({
      page,
    }) => {
      const frame = await openArticle(page, `events/${DONETSK.id}?embed=1`, size);
      const box = await page.locator('#embed').boundingBox();
      const shown = card(frame);
      await expect(shown.getByRole('heading', { name: DONETSK.title })).toBeVisible();
      const cardBox = await shown.boundingBox();
      expect(box).not.toBeNull();
      expect(cardBox).not.toBeNull();
      if (!box || !cardBox) return;
      // The whole card (title, date, place, summary and sources) without scrolling.
      expect(cardBox.y).toBeGreaterThanOrEqual(box.y);
      expect(cardBox.y + cardBox.height).toBeLessThanOrEqual(box.y + box.height);
      expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
      await expect(shown).toContainText('4 Oct 2024?');
      await expect(shown).toContainText('Near Donetsk');
      await expect(shown.getByRole('list', { name: 'Sources' })).toContainText('Yonhap');
      // Nothing is wider than the frame: no sideways scrolling.
      const overflow = await page
        .frames()
        .find((candidate) => candidate.url().includes('embed=1'))
        ?.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
      expect(overflow).toBe(0);
    });
  }

  /** How far the selected event sits from the middle of what the frame shows of the map. */
  function placeOfEvent(page: Page, frame: FrameLocator) {
    const embed = page.locator('#embed');
    const map = frame.locator('.leaflet-container');
    const marker = frame.locator('.event-marker.is-selected');
    const middleOf = (box: { y: number; height: number }) => box.y + box.height / 2;
    return async () => {
      const [frameBox, mapBox, markerBox] = await Promise.all([
        embed.boundingBox(),
        map.boundingBox(),
        marker.boundingBox(),
      ]);
      if (!frameBox || !mapBox || !markerBox) return null;
      const seenBottom = Math.min(mapBox.y + mapBox.height, frameBox.y + frameBox.height);
      return {
        seen: seenBottom - mapBox.y,
        hidden: mapBox.y + mapBox.height - seenBottom,
        off: Math.abs(middleOf(markerBox) - (mapBox.y + seenBottom) / 2),
      };
    };
  }

  test('a linked event is in the middle of what a short frame shows of the map, and of the whole map once the frame grows', async ({
    page,
  }) => {
    // 600×460: the title bar and the event's card above the map leave its lower part below the
    // frame's edge.
    const frame = await openArticle(page, `events/${DONETSK.id}?embed=1`, {
      width: 600,
      height: 460,
    });
    await expect(frame.locator('.event-marker.is-selected')).toBeVisible();
    const offMiddle = placeOfEvent(page, frame);
    await expect.poll(async () => (await offMiddle())?.off ?? Infinity).toBeLessThan(8);
    // The frame really cut the map (this is not the whole map's middle by another name), and
    // left enough of it to centre in (less than 64 pixels would count as none).
    const cut = await offMiddle();
    expect(cut?.hidden).toBeGreaterThan(60);
    expect(cut?.seen).toBeGreaterThan(100);
    // The parent makes the frame tall enough for the whole page: the event is in the map's middle.
    await page.locator('#embed').evaluate((element) => (element.style.height = '1400px'));
    await expect
      .poll(async () => {
        const measured = await offMiddle();
        return measured && measured.hidden === 0 ? measured.off : Infinity;
      })
      .toBeLessThan(8);
  });

  test('a notice above the map and its dismissal leave the linked event in the middle of what is seen', async ({
    page,
  }) => {
    // An unknown category: the link is mended with a notice above the card, after the first view.
    const frame = await openArticle(page, `events/${DONETSK.id}?embed=1&cat=nonesuch`, {
      width: 600,
      height: 600,
    });
    await expect(frame.getByText('This dataset has no category “nonesuch”')).toBeVisible();
    await expect(frame.locator('.event-marker.is-selected')).toBeVisible();
    const offMiddle = placeOfEvent(page, frame);
    await expect.poll(async () => (await offMiddle())?.off ?? Infinity).toBeLessThan(8);
    const withNotice = await offMiddle();
    expect(withNotice?.hidden).toBeGreaterThan(60);
    await frame.getByRole('button', { name: 'Dismiss' }).click();
    // The map moved up: less of it is hidden, and the event is in the middle of the new part.
    await expect
      .poll(async () => {
        const measured = await offMiddle();
        return measured && measured.hidden < (withNotice?.hidden ?? 0) - 40
          ? measured.off
          : Infinity;
      })
      .toBeLessThan(8);
  });

  test('a story step framed in a short frame is framed in what the frame shows of the map', async ({
    page,
  }) => {
    // Step 2 frames the country around Donetsk, its event in the middle of the frame's bounds.
    const frame = await openArticle(
      page,
      'stories/north-korean-troops-in-russias-war?step=2&embed=1',
      { width: 600, height: 600 },
    );
    await expect(
      frame.getByRole('heading', { name: 'A missile strike near Donetsk', exact: true }),
    ).toBeVisible();
    await expect(frame.locator('.event-marker.is-selected')).toBeVisible();
    const offMiddle = placeOfEvent(page, frame);
    await expect.poll(async () => (await offMiddle())?.off ?? Infinity).toBeLessThan(12);
    expect((await offMiddle())?.hidden).toBeGreaterThan(60);
  });

  test('a parent that sizes the frame from its messages settles, with nothing cut off', async ({
    page,
  }) => {
    await openArticle(page, `events/${DONETSK.id}?embed=1`, {
      width: 360,
      height: 480,
      autosize: true,
    });
    const embed = page.locator('#embed');
    const lastHeight = async () =>
      (await received(page))
        .map(({ data }) => data as { type?: string; height?: number })
        .filter((data) => data.type === 'dateline:resize')
        .at(-1)?.height;
    // Compared afresh each time: the page may still grow (Play arrives after the map's first
    // drawing) and say so in a later message. Settled means the frame is as tall as the last
    // message says and holds the whole content: nothing cut off, nothing left to scroll.
    const inner = () => page.frames().find((candidate) => candidate.url().includes('embed=1'));
    await expect
      .poll(async () => {
        const scroll = await inner()?.evaluate(() => ({
          scroll: document.documentElement.scrollHeight,
          client: document.documentElement.clientHeight,
        }));
        return (
          (await embed.boundingBox())?.height === (await lastHeight()) &&
          scroll !== undefined &&
          scroll.scroll === scroll.client
        );
      })
      .toBe(true);
    // Each message says a new height, and they stopped: the frame's height (which the parent
    // changed) did not change the content's, or the messages would go on growing.
    const heights = (await received(page))
      .map(({ data }) => data as { type?: string; height?: number })
      .filter((data) => data.type === 'dateline:resize')
      .map((data) => data.height);
    heights.forEach((height, index) => expect(height).not.toBe(heights[index - 1]));
    expect(heights.length).toBeLessThan(10);
  });

  test('axe finds no violations inside the frame, with and without a selection', async ({
    page,
  }) => {
    for (const path of [`events/${DONETSK.id}?embed=1`, '?embed=1']) {
      await page.unrouteAll();
      const frame = await openArticle(page, path);
      await expect(frame.getByRole('region', { name: 'Map' })).toBeVisible();
      const results = await new AxeBuilder({ page })
        .include('#embed')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      expect(
        results.violations.map(
          (violation) =>
            `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
        ),
      ).toEqual([]);
    }
  });
});

test.describe('the Share menu', () => {
  test('gives the embed code of the current view, copies it, and previews it', async ({ page }) => {
    await page.goto(`events/${SUMMIT.id}?q=kim`);
    const share = page.getByRole('button', { name: 'Share', exact: true });
    await share.click();
    const panel = page.getByRole('region', { name: 'Share this view' });
    const code = panel.getByRole('textbox', { name: 'Embed code' });
    const port = process.env.E2E_PORT ?? 4173;
    // In an HTML attribute the & is written &amp;.
    const embedUrl = `http://127.0.0.1:${port}/events/${SUMMIT.id}?q=kim&amp;embed=1`;
    await expect(code).toHaveValue(new RegExp(`src="${embedUrl.replace(/[?.]/g, '\\$&')}"`));
    await expect(code).toHaveValue(/title="North Korea, Russia and the war in Ukraine — Dateline"/);
    await expect(code).toHaveValue(/loading="lazy"/);
    await expect(code).toHaveValue(/width="680" height="480"/);

    await panel.getByRole('radio', { name: 'Phone 360×640' }).check();
    await expect(code).toHaveValue(/width="360" height="640"/);
    await panel.getByRole('button', { name: 'Copy embed code' }).click();
    await expect(panel.getByText('Embed code copied.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code.inputValue());

    await panel.getByRole('button', { name: 'Copy link' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `http://127.0.0.1:${port}/events/${SUMMIT.id}?q=kim`,
    );

    // The live preview is the embed itself.
    const preview = page.frameLocator('iframe[title="Preview of the embed"]');
    await expect(preview.getByRole('heading', { level: 2, name: SUMMIT.title })).toBeVisible();
    await expect(preview.getByRole('link', { name: /^Open in Dateline/ })).toBeVisible();
  });

  test('closes on Escape and on a press elsewhere, and gives the focus back', async ({ page }) => {
    await page.goto('./');
    const share = page.getByRole('button', { name: 'Share', exact: true });
    const panel = page.getByRole('region', { name: 'Share this view' });
    await share.click();
    await expect(panel.getByRole('button', { name: 'Copy link' })).toBeVisible();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect(share).toHaveAttribute('aria-expanded', 'false');
    await expect(panel).toBeHidden();
    await expect(share).toBeFocused();

    await share.click();
    await expect(panel.getByRole('button', { name: 'Copy link' })).toBeVisible();
    await page.keyboard.press('Tab');
    await page.getByRole('heading', { level: 1 }).click();
    await expect(panel).toBeHidden();
    await expect(share).toBeFocused();
  });
});
