import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBACK, PLAY_SPEEDS, PLAY_WINDOWS } from '../query/playback.ts';
import { parsePlayParam, playParam } from './play-param.ts';

describe('the play parameter', () => {
  it('leaves every default out', () => {
    expect(playParam(DEFAULT_PLAYBACK)).toBe('');
    expect(parsePlayParam('')).toEqual({ settings: DEFAULT_PLAYBACK, unknown: [] });
  });

  it('reads its words in any order and case, and the defaults written out', () => {
    expect(parsePlayParam('Loop, CUMULATIVE,2x,week')).toEqual({
      settings: { window: 'week', cumulative: true, speed: 2, loop: true },
      unknown: [],
    });
    expect(parsePlayParam('range,1x,stop,0.5×').settings.speed).toBe(0.5);
  });

  it('names the words it does not know, and reads the rest', () => {
    expect(parsePlayParam('month,fast,3x')).toEqual({
      settings: { ...DEFAULT_PLAYBACK, window: 'month' },
      unknown: ['fast', '3x'],
    });
  });

  it('round-trips every combination of settings', () => {
    fc.assert(
      fc.property(
        fc.record({
          window: fc.constantFrom(...PLAY_WINDOWS),
          cumulative: fc.boolean(),
          speed: fc.constantFrom(...PLAY_SPEEDS),
          loop: fc.boolean(),
        }),
        (settings) => {
          expect(parsePlayParam(playParam(settings))).toEqual({ settings, unknown: [] });
        },
      ),
    );
    expect(playParam({ window: 'week', cumulative: true, speed: 2, loop: true })).toBe(
      'week,2x,cumulative,loop',
    );
  });
});
