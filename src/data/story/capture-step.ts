/**
 * "Add this view to a story": the explorer's view as it is now, made into a story step. Pure, so
 * the step an author gets is decided (and tested) apart from the buttons and the map.
 */
import type { EventFilter } from '../model/event-filter.ts';
import { formatDayRange } from '../query/active-filters.ts';
import type { GeoBounds } from '../query/selectors.ts';
import type { StoryStep, StoryView } from './story.ts';

/** Degrees to 4 decimals (about 11 m): the map's frame without a float's noise in the file. */
function round(degrees: number): number {
  return Math.round(degrees * 1e4) / 1e4;
}

/**
 * The map's frame as a story keeps it: rounded, latitudes within ±90, and a frame wider than the
 * world (a map zoomed right out) as the whole world, so that it reads back as what was seen.
 */
export function storyBounds(bounds: GeoBounds): GeoBounds {
  const south = round(Math.max(-90, Math.min(90, bounds.south)));
  const north = round(Math.max(-90, Math.min(90, bounds.north)));
  if (bounds.east - bounds.west >= 360) return { west: -180, south, east: 180, north };
  // A map panned round the world reports longitudes past ±180: the same frame, shifted so its
  // west edge is on the first world (a frame across the antimeridian keeps an east past 180).
  const shift = Math.floor((bounds.west + 180) / 360) * 360;
  return { west: round(bounds.west - shift), south, east: round(bounds.east - shift), north };
}

/** The view a step keeps: the selection, a copy of the filter, and the map's frame if known. */
export function captureView(
  filter: EventFilter & { selectedId: string | null },
  bounds: GeoBounds | null,
): StoryView {
  return {
    selectedId: filter.selectedId,
    from: filter.from,
    to: filter.to,
    query: filter.query,
    categories: [...filter.categories],
    bounds: bounds && storyBounds(bounds),
  };
}

/** A story file's limit on a title (read-story.ts). */
const MAX_TITLE_LENGTH = 200;

export function captureStep(view: StoryView, title: string, text: string): StoryStep {
  return { title: title.slice(0, MAX_TITLE_LENGTH), text, view, image: null };
}

/**
 * A title to start from: the selected event's, else the filters said as a reader would scan them
 * ("“submarine” · 1 June – 31 Oct 2024 · Strike, Statement"), else "All events".
 */
export function defaultStepTitle(
  view: StoryView,
  selectedTitle: string | null,
  labelOf: (category: string) => string,
): string {
  if (selectedTitle !== null && selectedTitle.trim() !== '') return selectedTitle.trim();
  const parts: string[] = [];
  if (view.query !== '') parts.push(`“${view.query}”`);
  if (view.from !== null || view.to !== null) parts.push(formatDayRange(view.from, view.to));
  if (view.categories.length > 0) parts.push(view.categories.map(labelOf).join(', '));
  return parts.length > 0 ? parts.join(' · ') : 'All events';
}

/**
 * What a step's view shows, in words, for the editor ("Selects “Summit” · 1 June – 31 Oct 2024 ·
 * map framed"). `titleOf` gives an event's title, or null when the dataset has no such event.
 */
export function describeStepView(
  view: StoryView,
  titleOf: (id: string) => string | null,
  labelOf: (category: string) => string,
): string {
  const parts: string[] = [];
  if (view.selectedId !== null) {
    const title = titleOf(view.selectedId);
    parts.push(title === null ? `an event not in this dataset (${view.selectedId})` : `“${title}”`);
  }
  if (view.from !== null || view.to !== null) parts.push(formatDayRange(view.from, view.to));
  if (view.query !== '') parts.push(`search “${view.query}”`);
  if (view.categories.length > 0) parts.push(view.categories.map(labelOf).join(', '));
  if (parts.length === 0) parts.push('all events');
  if (view.bounds) parts.push('this map area');
  return parts.join(' · ');
}
