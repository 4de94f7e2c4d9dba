import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../model/calendar-day.ts';
import { shareAddresses } from './share-addresses.ts';
import { EMPTY_URL_STATE } from './url-state.ts';

describe('the addresses the Share menu hands out', () => {
  it('are the view with its selection, filters and dataset, and the same with embed=1', () => {
    const state = {
      ...EMPTY_URL_STATE,
      selectedId: 'pyongyang-summit',
      from: parseIsoDay('2024-06-01'),
      query: 'kim',
      params: [['data', 'https://example.org/a.csv']] as [string, string][],
    };
    expect(shareAddresses(state, '/news/dateline/', 'https://maps.example')).toEqual({
      view: 'https://maps.example/news/dateline/events/pyongyang-summit?from=2024-06-01&q=kim&data=https%3A%2F%2Fexample.org%2Fa.csv',
      embed:
        'https://maps.example/news/dateline/events/pyongyang-summit?from=2024-06-01&q=kim&data=https%3A%2F%2Fexample.org%2Fa.csv&embed=1',
    });
  });

  it('the full view never carries embed, whatever the state says', () => {
    const framed = { ...EMPTY_URL_STATE, embed: true };
    expect(shareAddresses(framed, '/', 'http://127.0.0.1:4173').view).toBe(
      'http://127.0.0.1:4173/',
    );
  });
});
