import { useState, type ReactNode } from 'react';
import type { CalendarDay } from '../data/model/calendar-day.ts';
import type { DateBulk } from '../data/query/date-bulk.ts';
import { axisSpan, type AxisSides } from '../data/query/outside-bulk.ts';
import type { TimelineEdges } from '../features/timeline/outside-bulk.tsx';

export interface StrayAxisProps {
  /** The dataset shown: the reader's choice of sides is kept for it only. */
  dataset: object;
  extent: { first: CalendarDay; last: CalendarDay };
  bulk: DateBulk;
  from: CalendarDay | null;
  to: CalendarDay | null;
  /** The timeline, over the axis's days, with what lies beyond its ends. */
  children: (axis: { first: CalendarDay; last: CalendarDay }, edges: TimelineEdges) => ReactNode;
}

const CLOSED: AxisSides = { earlier: false, later: false };

/**
 * The axis of a dataset with stray dates: it fits the bulk of the dates, and the reader may
 * stretch it to the events beyond either end. That choice is not worth a link: it is kept here,
 * for this dataset only (another dataset starts fitted again). It imports nothing of the page
 * but React and pure functions, so that it loads on its own, only when such a dataset is opened.
 */
export function StrayAxis({ dataset, extent, bulk, from, to, children }: StrayAxisProps) {
  const [opened, setOpened] = useState({ dataset, ...CLOSED });
  const sides = opened.dataset === dataset ? opened : CLOSED;
  const axis = axisSpan(extent, bulk, sides, { from, to });
  return children(axis, {
    earlier: axis.first > extent.first ? bulk.earlier : 0,
    later: axis.last < extent.last ? bulk.later : 0,
    // "Fit to most events" where the reader stretched the axis and no date range holds it there.
    fit:
      sides.later && !axis.needed.later
        ? 'later'
        : sides.earlier && !axis.needed.earlier
          ? 'earlier'
          : null,
    onStretch: (side) => setOpened({ ...sides, dataset, [side]: true }),
    onFit: () => setOpened({ dataset, ...CLOSED }),
  });
}
