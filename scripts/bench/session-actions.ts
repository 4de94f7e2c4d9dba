/**
 * The actions of a long session, each run in the page and done once its result is on screen: the
 * j / k walk down the chronology, and key presses on the brush handles.
 */
import type { Page } from '@playwright/test';

/** How long one action may take to show before the run gives up on that dataset. */
export const ACTION_TIMEOUT = 15_000;

/**
 * `count` presses of j (k on the way back up, turning at either end of the list), run in the page:
 * a round trip to the browser would cost more than the selection it times. Each press is done when
 * the address names a new event, its entry is the list's current one and the map's selected marker
 * is that event's, and a frame has been painted after. (No named functions in here: the bundler's
 * name helper does not exist in the page.)
 */
export async function selectEvents(
  page: Page,
  count: number,
  walk: { down: boolean; turns: number },
): Promise<void> {
  const after = await page.evaluate(
    async ({ count, down: startDown, timeout }) => {
      let down = startDown;
      let turns = 0;
      for (let press = 0; press < count; press += 1) {
        const current = document.querySelector('[aria-label="Chronology"] li[aria-current="true"]');
        let neighbour = current
          ? down
            ? current.nextElementSibling
            : current.previousElementSibling
          : null;
        while (neighbour && !neighbour.hasAttribute('data-event-id'))
          neighbour = down ? neighbour.nextElementSibling : neighbour.previousElementSibling;
        // The selection is scrolled into view with rows to spare, so a neighbour not in the DOM
        // is one that does not exist: this is an end of the list.
        if (current && !neighbour) {
          down = !down;
          turns += 1;
        }
        const previous = location.pathname;
        const start = performance.now();
        (document.activeElement ?? document.body).dispatchEvent(
          new KeyboardEvent('keydown', { key: down ? 'j' : 'k', bubbles: true, cancelable: true }),
        );
        for (;;) {
          const path = location.pathname;
          const at = path.lastIndexOf('/events/');
          if (path !== previous && at >= 0) {
            const id = decodeURIComponent(path.slice(at + '/events/'.length));
            const entry = document.querySelector(
              `[aria-label="Chronology"] li[data-event-id="${CSS.escape(id)}"][aria-current="true"]`,
            );
            const title = entry?.querySelector('.entry-link')?.textContent;
            const marker = document.querySelector('.leaflet-marker-pane [aria-current="true"]');
            if (title && marker?.getAttribute('aria-label')?.startsWith(title)) break;
          }
          if (performance.now() - start > timeout)
            throw new Error(`selection ${press + 1} not shown after ${timeout} ms (${path})`);
          await new Promise((next) => requestAnimationFrame(next));
        }
        await new Promise((next) => requestAnimationFrame(next));
      }
      return { down, turns };
    },
    { count, down: walk.down, timeout: ACTION_TIMEOUT },
  );
  walk.down = after.down;
  walk.turns += after.turns;
}

export interface HandleMove {
  handle: 'from' | 'to';
  key: string;
}

/**
 * Key presses on the brush handles, run in the page as the selections are: the handle is focused
 * and the key pressed on it, then the move is done when the status line or the address has changed
 * and a frame has been painted after.
 */
export async function moveHandles(page: Page, moves: HandleMove[]): Promise<void> {
  await page.evaluate(
    async ({ moves, timeout }) => {
      for (const [index, move] of moves.entries()) {
        const handle = document.querySelector<SVGGElement>(`[data-handle="${move.handle}"]`);
        if (!handle) throw new Error(`no ${move.handle} handle`);
        if (document.activeElement !== handle) handle.focus();
        const status = document.querySelector('.status-line');
        const before = status?.textContent ?? '';
        const href = location.href;
        const start = performance.now();
        handle.dispatchEvent(
          new KeyboardEvent('keydown', { key: move.key, bubbles: true, cancelable: true }),
        );
        while ((status?.textContent ?? '') === before && location.href === href) {
          if (performance.now() - start > timeout)
            throw new Error(`brush move ${index + 1} (${move.handle} ${move.key}) changed nothing`);
          await new Promise((next) => requestAnimationFrame(next));
        }
        await new Promise((next) => requestAnimationFrame(next));
      }
    },
    { moves, timeout: ACTION_TIMEOUT },
  );
}

/**
 * The counted brush moves: a window over the middle of the data that drifts right `drift` bins
 * (end first, then start, so it never closes) and back again, so the range changes on every move
 * and every 100th move finds the same range as the last checkpoint did.
 */
export function filterMove(move: number, drift: number): HandleMove {
  const cycle = move % (4 * drift);
  const outward = cycle < 2 * drift;
  const second = cycle % 2 === 1;
  if (outward) return { handle: second ? 'from' : 'to', key: 'ArrowRight' };
  return { handle: second ? 'to' : 'from', key: 'ArrowLeft' };
}
