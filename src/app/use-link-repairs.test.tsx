// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeFeature, makeFeatureCollection } from '../testing/dataset-factory.ts';
import { validateFeatureCollection } from '../data/model/validate.ts';
import { useUrlState, writePendingAddress } from '../data/url/use-url-state.ts';
import { useLinkRepairs } from './use-link-repairs.ts';

const dataset = validateFeatureCollection(
  makeFeatureCollection([
    makeFeature({ id: 'a', properties: { date: '2024-06-19', category: 'summit' } }),
    makeFeature({ id: 'b', properties: { date: '2024-09', category: 'test' } }),
    makeFeature({ id: 'c', properties: { date: '2024-10-08', category: 'statement' } }),
    makeFeature({ id: 'd', properties: { date: '2024-10-04', category: 'strike' } }),
  ]),
);
const known = new Set(dataset.events.map((event) => event.category));
const address = () => window.location.pathname + window.location.search;

/** Opens `href` as a link would, with the dataset in, and returns the notices the page gave. */
function open(href: string) {
  window.history.replaceState(null, '', href);
  const notices: string[] = [];
  const addNotice = (notice: string) => notices.push(notice);
  renderHook(() => {
    const url = useUrlState();
    const selected = dataset.events.find((event) => event.id === url.state.selectedId) ?? null;
    useLinkRepairs(url, dataset, selected, known, addNotice);
  });
  act(() => writePendingAddress());
  return notices;
}

describe('a link repaired against the dataset it opens', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('drops a category the dataset does not have, and says so once', () => {
    const notices = open('/events/a?cat=bogus');
    expect(notices).toEqual(['This dataset has no category “bogus”, so it was ignored.']);
    expect(address()).toBe('/events/a');
  });

  it('widens filters that would hide the linked event, and says so', () => {
    const notices = open('/events/a?from=2024-09-01&q=nothing&cat=test');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/was outside this link's filters, so they were widened/);
    expect(address()).toBe('/events/a?from=2024-06-19&cat=test,summit');
  });

  it('does both at once without undoing the other', () => {
    const notices = open('/events/a?cat=test,bogus');
    expect(notices).toHaveLength(2);
    expect(address()).toBe('/events/a?cat=test,summit');
  });

  it('leaves a link whose event is shown as it is', () => {
    expect(open('/events/a?cat=summit&q=test')).toEqual([]);
    expect(address()).toBe('/events/a?cat=summit&q=test');
  });
});
