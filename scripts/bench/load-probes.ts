/**
 * What the load benchmark measures inside one page: the performance marks of a load, the heap,
 * brush moves, selections, scrolling, and the floor of a bare JSON.parse. The timed loops run in
 * the page itself, where a round trip to Node would not count against them.
 */
import type { Page } from '@playwright/test';

/** How long a load (or the naive baseline's) may take before it is reported as stopped. */
export const LOAD_TIMEOUT = 180_000;

export async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1e6;
}

export async function markTime(page: Page, name: string, timeout = LOAD_TIMEOUT): Promise<number> {
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, name, {
    timeout,
    polling: 50,
  });
  return page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? NaN, name);
}

/**
 * Time from a key press on the brush to the page done updating: the first painted frame after the
 * last change React and Leaflet make to the page (status, list, histogram, markers), found by
 * watching the DOM until a whole frame passes without a change.
 */
export async function filterLatencies(page: Page, moves: number): Promise<number[]> {
  const selection = page.locator('[data-selection]');
  await selection.waitFor();
  return page.evaluate(async (count) => {
    const target = document.querySelector('[data-selection]');
    const status = document.querySelector('[role="status"]');
    if (!target || !status) throw new Error('no brush or status');
    const seen = { lastChange: 0 };
    const observer = new MutationObserver(() => {
      seen.lastChange = performance.now();
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    const times: number[] = [];
    for (let move = 0; move < count; move += 1) {
      const before = status.textContent;
      const start = performance.now();
      seen.lastChange = start;
      // Left first: the range starts at the data's last year, so a move right could do nothing.
      target.dispatchEvent(
        new KeyboardEvent('keydown', { key: move % 2 ? 'ArrowRight' : 'ArrowLeft', bubbles: true }),
      );
      while (status.textContent === before && performance.now() - start < 10_000) {
        await new Promise((next) => setTimeout(next, 0));
      }
      // (No named helper functions in here: the bundler's name helper does not exist in the page.)
      const settled = { painted: start, changeSeen: -1 };
      while (settled.changeSeen !== seen.lastChange) {
        settled.changeSeen = seen.lastChange;
        await new Promise((next) => requestAnimationFrame(next));
        settled.painted = performance.now();
        await new Promise((next) => setTimeout(next, 20));
      }
      times.push(settled.painted - start);
    }
    observer.disconnect();
    return times;
  }, moves);
}

/** Time from activating a chronology entry to its marker shown as selected on the map. */
export async function selectionLatencies(page: Page, picks: number): Promise<number[]> {
  return page.evaluate(async (count) => {
    const times: number[] = [];
    for (let pick = 0; pick < count; pick += 1) {
      // Queried afresh each time: the virtualized list replaces its rows as the selection moves.
      const links = [
        ...document.querySelectorAll<HTMLElement>('[aria-label="Chronology"] .entry-link'),
      ].filter((candidate) => !candidate.closest('[aria-current="true"]'));
      const link = links[Math.min(links.length - 1, pick + 1)];
      if (!link) break;
      const title = link.textContent?.trim().slice(0, 20) ?? '';
      const start = performance.now();
      link.click();
      while (performance.now() - start < 10_000) {
        const selected = document.querySelector('.leaflet-marker-pane [aria-current="true"]');
        if (selected?.getAttribute('aria-label')?.startsWith(title)) break;
        await new Promise((next) => requestAnimationFrame(next));
      }
      await new Promise((next) => requestAnimationFrame(next));
      times.push(performance.now() - start);
      await new Promise((next) => setTimeout(next, 200));
    }
    return times;
  }, picks);
}

/** Frame times while the chronology scrolls 250 px a frame for two seconds. */
export async function scrollFrames(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const list = document.querySelector('[aria-label="Chronology"]');
    let scroller: HTMLElement | null = list instanceof HTMLElement ? list : null;
    while (scroller && scroller.scrollHeight <= scroller.clientHeight)
      scroller = scroller.parentElement;
    if (!scroller) return [];
    const frames: number[] = [];
    let last = performance.now();
    for (let frame = 0; frame < 120; frame += 1) {
      scroller.scrollTop += 250;
      await new Promise((next) => requestAnimationFrame(next));
      const now = performance.now();
      frames.push(now - last);
      last = now;
    }
    return frames;
  });
}

/** The floor: a bare JSON.parse of the file (of every part, one after another, for a manifest). */
export async function jsonParseFloor(page: Page, url: string): Promise<number> {
  return page.evaluate(async (address) => {
    let total = 0;
    let addresses = [address];
    for (let index = 0; index < addresses.length; index += 1) {
      const current = addresses[index] ?? '';
      const text = await (await fetch(current)).text();
      const start = performance.now();
      const json = JSON.parse(text) as { type?: string; parts?: { url: string }[] };
      total += performance.now() - start;
      if (json.type === 'DatelineManifest' && json.parts) {
        const base = new URL(current, location.href);
        addresses = addresses.concat(json.parts.map((part) => new URL(part.url, base).href));
      }
    }
    return total;
  }, url);
}
