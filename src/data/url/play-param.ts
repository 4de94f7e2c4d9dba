/**
 * The `play` parameter: playback's settings in one short value, `play=week,2x,cumulative,loop`,
 * each setting at its default left out (the moving window of the current range's width, 1×, stop
 * at the end). Part of the first load (url-state.ts reads it), so it imports nothing but types:
 * importing the frame logic would pull it into the first load's chunk.
 */
import type { PlaybackSettings, PlaySpeed, PlayWindow } from '../query/playback.ts';

const WINDOWS = ['day', 'week', 'month'];
const SPEEDS = ['0.5', '2', '4', '8'];

/** The settings a `play` value names, and its words that name none (in the order met). */
export function parsePlayParam(value: string): {
  settings: PlaybackSettings;
  unknown: string[];
} {
  const settings: PlaybackSettings = { window: 'range', cumulative: false, speed: 1, loop: false };
  const unknown: string[] = [];
  for (const raw of value.split(',')) {
    const word = raw.trim().toLowerCase();
    const speed = word.replace(/(x|×)$/, '');
    if (WINDOWS.includes(word)) settings.window = word as PlayWindow;
    else if (SPEEDS.includes(speed)) settings.speed = Number(speed) as PlaySpeed;
    else if (word === 'cumulative') settings.cumulative = true;
    else if (word === 'loop') settings.loop = true;
    // The defaults, written out: read, and left out again when the value is written.
    else if (!['', 'range', '1x', '1', 'stop'].includes(word)) unknown.push(raw.trim());
  }
  return { settings, unknown };
}

/** The shortest `play` value for these settings; '' when every one is at its default. */
export function playParam(settings: PlaybackSettings): string {
  const words: string[] = [];
  if (settings.window !== 'range') words.push(settings.window);
  if (settings.speed !== 1) words.push(`${settings.speed}x`);
  if (settings.cumulative) words.push('cumulative');
  if (settings.loop) words.push('loop');
  return words.join(',');
}
