import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { categoryLabel, categoryPalette } from '../../data/model/categories.ts';
import { activateLanguage } from '../../lib/i18n/activate.ts';
import { clusterName, ringSegments, type CategoryCount } from './cluster-mix.ts';

const mixOf = (...counts: [string | null, number][]): CategoryCount[] =>
  counts.map(([category, count]) => ({ category, count }));

describe('the ring round a cluster', () => {
  it('always adds up to 360°, in at most five segments, each visible', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 40 }),
        (counts) => {
          const mix = counts
            .sort((a, b) => b - a)
            .map((count, index) => ({ category: `c${index}`, count }));
          const segments = ringSegments(mix);
          expect(segments.length).toBe(Math.min(mix.length, 5));
          expect(segments.reduce((sum, segment) => sum + segment.sweep, 0)).toBeCloseTo(360, 9);
          segments.forEach((segment, index) => {
            expect(segment.sweep).toBeGreaterThanOrEqual(6 - 1e-9);
            expect(segment.start).toBeCloseTo(
              segments.slice(0, index).reduce((sum, before) => sum + before.sweep, 0),
              9,
            );
          });
        },
      ),
    );
  });

  it('gives the largest categories the largest arcs and gathers the rest in a fifth', () => {
    const segments = ringSegments(
      mixOf(['shelling', 600], ['strike', 200], ['fire', 30], ['looting', 20], ['a', 5], ['b', 3]),
    );
    expect(segments.map((segment) => segment.category)).toEqual([
      'shelling',
      'strike',
      'fire',
      'looting',
      null,
    ]);
    const [first, second] = segments;
    expect(first?.sweep).toBeGreaterThan(second?.sweep ?? 360);
    expect(ringSegments(mixOf(['shelling', 3]))).toEqual([
      { category: 'shelling', start: 0, sweep: 360 },
    ]);
  });
});

describe('the accessible name of a cluster', () => {
  it('says the count, up to three categories by name and the rest as other', () => {
    expect(
      clusterName(858, mixOf(['shelling', 600], ['missile-test', 258]), 'zoom', categoryLabel),
    ).toBe('Cluster of 858 events: 600 shelling, 258 missile test');
    expect(
      clusterName(
        1250,
        mixOf(['shelling', 600], ['strike', 400], ['fire', 200], ['looting', 40], [null, 10]),
        'zoom',
        categoryLabel,
      ),
    ).toBe('Cluster of 1,250 events: 600 shelling, 400 strike, 200 fire, 50 other');
  });

  it('reads a category as words, lower-cased', () => {
    expect(
      clusterName(3, mixOf(['Bombing or Explosion Feb - June', 3]), 'zoom', categoryLabel),
    ).toBe('Cluster of 3 events: 3 bombing or explosion feb june');
  });

  it('counts a category called "other" and the categories counted together with the rest', () => {
    expect(
      clusterName(5, mixOf(['statement', 2], ['other', 2], [null, 1]), 'zoom', categoryLabel),
    ).toBe('Cluster of 5 events: 2 statement, 3 other');
  });

  it('names bare levels by their column', () => {
    const { labelOf } = categoryPalette(['1', '2', '3'], 'violence level');
    expect(clusterName(7, mixOf(['1', 5], ['3', 2]), 'zoom', labelOf)).toBe(
      'Cluster of 7 events: 5 violence level 1, 2 violence level 3',
    );
  });

  it('offers the list for events at the same place, with their mix', () => {
    expect(
      clusterName(
        2,
        mixOf(['missile-test', 1], ['military-activity', 1]),
        'same-place',
        categoryLabel,
      ),
    ).toBe('2 events at the same place (1 missile test, 1 military activity): list them');
  });

  it('offers the list for events too close to split at the closest zoom', () => {
    expect(clusterName(3, mixOf(['strike', 3]), 'close-together', categoryLabel)).toBe(
      '3 events close together (3 strike): list them',
    );
  });

  describe('in Korean', () => {
    afterEach(() => activateLanguage('en'));

    it('counts in Korean order, with the numbers written as Korean writes them', async () => {
      await activateLanguage('ko');
      expect(
        clusterName(1250, mixOf(['shelling', 1200], [null, 50]), 'zoom', (category) =>
          category === 'shelling' ? '포격' : category,
        ),
      ).toBe('사건 1,250건 묶음: 포격 1,200건, 기타 50건');
      expect(clusterName(2, mixOf(['strike', 2]), 'same-place', () => '공습')).toBe(
        '같은 장소의 사건 2건(공습 2건): 목록 보기',
      );
      expect(clusterName(3, mixOf(['strike', 3]), 'close-together', () => '공습')).toBe(
        '서로 가까운 사건 3건(공습 3건): 목록 보기',
      );
    });
  });
});
