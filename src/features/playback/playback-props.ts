import type { CalendarDay } from '../../data/model/calendar-day.ts';
import type { UrlState } from '../../data/url/url-state.ts';

/** What the app gives playback (app/timeline-panel.tsx). */
export interface PlaybackProps {
  playing: boolean;
  onPlayingChange: (playing: boolean) => void;
  /** The URL's state: the range playing, the settings (`play`), and what pauses it if changed. */
  state: UrlState;
  /** The first and last day of the data. */
  extent: { first: CalendarDay; last: CalendarDay };
  /** How many events the view shows now, for the announcement under reduced motion. */
  shown: number;
  /** A frame, given as the brush gives a range: an end at the data's edge is null. */
  onFrame: (range: { from: CalendarDay | null; to: CalendarDay | null }) => void;
  onSettingsChange: (play: string) => void;
}
