/**
 * Playback's frame times: from an open range (All), Play runs its default moving window (a tenth
 * of the data's span, crossing the span in 20 s) while the page counts the time between animation
 * frames, then Pause. Each frame writes a new range to the URL, so the whole view (list, map,
 * legend counts, status line) follows it: the frame time is what the reader sees as smoothness.
 */
import type { Page } from '@playwright/test';

export interface PlaybackFrames {
  /** The time between one animation frame and the next, in ms, while playing. */
  frames: number[];
  /** How many different ranges the page showed meanwhile: frames that were real work. */
  ranges: number;
}

export async function playbackFrames(page: Page, durationMs = 4000): Promise<PlaybackFrames> {
  await page.getByRole('button', { name: 'All', exact: true }).click();
  const play = page.getByRole('button', { name: 'Play', exact: true });
  await play.click();
  const to = page.getByLabel('To', { exact: true });
  // Playing: the engine (a chunk loaded on first use) has written its first frame.
  // (No named helper functions in the page: the bundler's name helper does not exist there.)
  await to.evaluate(async (input: HTMLInputElement) => {
    const first = input.value;
    while (input.value === first) await new Promise((next) => requestAnimationFrame(next));
  });
  const result = await page.evaluate(async (duration) => {
    const status = document.querySelector('[role="status"]');
    const frames: number[] = [];
    const seen = new Set<string>();
    const start = performance.now();
    let last = start;
    while (last - start < duration) {
      await new Promise((next) => requestAnimationFrame(next));
      const now = performance.now();
      frames.push(now - last);
      last = now;
      seen.add(status?.textContent ?? '');
    }
    return { frames, ranges: seen.size };
  }, durationMs);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  return result;
}
