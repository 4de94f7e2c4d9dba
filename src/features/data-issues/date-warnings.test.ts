import { afterEach, describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../data/model/calendar-day.ts';
import { validateFeatureCollection } from '../../data/model/validate.ts';
import { buildEventIndex } from '../../data/query/filter.ts';
import { dateBulk } from '../../data/query/date-bulk.ts';
import { activateLanguage } from '../../lib/i18n/activate.ts';
import { makeFeature, makeFeatureCollection } from '../../testing/dataset-factory.ts';
import { dateWarnings } from './date-warnings.ts';

const day = (text: string) => parseIsoDay(text) ?? Number.NaN;

describe('the warnings for dates far from the rest', () => {
  // 200 events of 2022 in file order, then a stray without an id, then one typed as a year.
  const features = [
    ...Array.from({ length: 200 }, (_, index) =>
      makeFeature({
        id: `e${index}`,
        properties: { date: `2022-0${1 + (index % 9)}-1${index % 10}` },
      }),
    ),
    makeFeature({ id: undefined, properties: { date: '2024-02-24', title: 'A tank stopped' } }),
    makeFeature({ id: 'uw1922', properties: { date: '1922', title: 'Typed a century early' } }),
  ];
  const { events } = validateFeatureCollection(makeFeatureCollection(features));
  const index = buildEventIndex(events);
  const bulk = dateBulk(index.starts, index.ends);

  it('name each by its row in the file and its date as written', () => {
    expect(bulk).toMatchObject({ earlier: 1, later: 1, last: day('2022-09-19') });
    if (!bulk) throw new Error('no bulk');
    const warnings = dateWarnings(events, bulk);
    expect(warnings).toMatchObject([
      {
        row: 202,
        value: '1922',
        title: 'Typed a century early',
        reason: '99 years before most of the dates.',
      },
      {
        row: 201,
        value: '2024-02-24',
        title: 'A tank stopped',
        reason: '17 months after most of the dates.',
      },
    ]);
    // The id, derived when the file gave none, is what a link to the event uses.
    expect(warnings[1]?.id).toBe(events[events.length - 1]?.id);
  });

  it('say how far in days, months or years, as a reader would', () => {
    // One event, after the bulk given.
    const near = { first: day('2022-01-01'), last: day('2022-09-29'), earlier: 0, later: 1 };
    const reasons = ['2022-10-29', '2022-11-28', '2023-02-24', '2026-01-01'].map(
      (date) =>
        dateWarnings(
          validateFeatureCollection(makeFeatureCollection([makeFeature({ properties: { date } })]))
            .events,
          near,
        )[0]?.reason,
    );
    expect(reasons).toEqual([
      '30 days after most of the dates.',
      '60 days after most of the dates.',
      '5 months after most of the dates.',
      '3 years after most of the dates.',
    ]);
  });

  describe('in Korean', () => {
    afterEach(() => activateLanguage('en'));

    it('say how far in Korean', async () => {
      await activateLanguage('ko');
      const near = { first: day('2022-01-01'), last: day('2022-09-29'), earlier: 1, later: 1 };
      const reasons = dateWarnings(
        validateFeatureCollection(
          makeFeatureCollection([
            makeFeature({ properties: { date: '2019-06-01' } }),
            makeFeature({ properties: { date: '2022-10-29' } }),
          ]),
        ).events,
        near,
      ).map((warning) => warning.reason);
      expect(reasons).toEqual([
        '대부분의 날짜보다 3년 이릅니다.',
        '대부분의 날짜보다 30일 늦습니다.',
      ]);
    });
  });
});
