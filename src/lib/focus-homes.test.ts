import { describe, expect, it } from 'vitest';
import { FocusHomes } from './focus-homes.ts';

function home(
  name: string,
  calls: string[],
  { takes = true, holds = false, placing = false } = {},
) {
  return {
    focus: () => {
      calls.push(name);
      return takes;
    },
    held: () => holds,
    placing: () => placing,
  };
}

const lost = { nodeName: 'BUTTON' } as unknown as Element;

describe('focus homes', () => {
  it('returns the focus to the home that held the lost control first', () => {
    const homes = new FocusHomes();
    const calls: string[] = [];
    homes.offer('list', home('list', calls));
    homes.offer('map', home('map', calls, { holds: true }));
    expect(homes.restore(lost, ['list'])).toBe(true);
    expect(calls).toEqual(['map']);
  });

  it('otherwise asks the homes in the page’s order until one takes it', () => {
    const homes = new FocusHomes();
    const calls: string[] = [];
    homes.offer('list', home('list', calls, { takes: false }));
    homes.offer('search', home('search', calls));
    expect(homes.restore(lost, ['list', 'search'])).toBe(true);
    expect(calls).toEqual(['list', 'search']);
  });

  it('forgets a home once it is withdrawn, and says when none takes the focus', () => {
    const homes = new FocusHomes();
    const calls: string[] = [];
    const withdraw = homes.offer('list', home('list', calls, { placing: true }));
    expect(homes.anyPlacing()).toBe(true);
    withdraw();
    expect(homes.anyPlacing()).toBe(false);
    expect(homes.restore(lost, ['list'])).toBe(false);
    expect(calls).toEqual([]);
  });

  it('leaves a key to the home that answers it', () => {
    const homes = new FocusHomes();
    homes.offer('map', { focus: () => true, answersKey: (_target, key) => key === 'ArrowUp' });
    expect(homes.answersKey(lost, 'ArrowUp')).toBe(true);
    expect(homes.answersKey(lost, 'j')).toBe(false);
  });
});
