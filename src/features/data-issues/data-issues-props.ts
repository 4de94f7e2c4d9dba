import type { DataIssue, DatasetEvent } from '../../data/model/schema.ts';
import type { DateBulk } from '../../data/query/date-bulk.ts';

/** What the Data issues panel lists (data-issues-panel.tsx), and where its links lead. */
export interface DataIssuesPanelProps {
  /** Records that broke the contract: not shown. */
  issues: DataIssue[];
  /**
   * Records not shown beyond those in `issues`, counted but not listed: a data server sends the
   * first issues in full and the number of the rest (docs/server.md). 0 for a file in the page.
   */
  unlisted?: number;
  recordCount: number;
  /** The events shown, in order: those outside the bulk are listed as warnings. */
  events: DatasetEvent[];
  /** The bulk of the dates: the events before and after it are dated far from the rest, likely
   * mistyped. Null without events. */
  bulk: DateBulk | null;
  eventHref: (id: string) => string;
  onSelectEvent: (id: string) => void;
}
