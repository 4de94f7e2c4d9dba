/**
 * Reads a parsed story file (docs/stories.md) into a Story, as strictly as the dataset's validator
 * reads events: every broken field is reported with its dotted path and a plain reason, and all of
 * them at once, so an author fixes a file in one pass. A file with any issue is refused whole: a
 * story missing a step or showing the wrong dates would mislead more than no story. Never throws.
 */
import { parseIsoDay, type CalendarDay } from '../model/calendar-day.ts';
import { MAX_ID_LENGTH } from '../model/derive-id.ts';
import { inEnglish, type Message } from '../../lib/i18n/message.ts';
import { typeName } from '../model/edtf.ts';
import { expectedText, isObject, own, preview, type JsonObject } from '../model/record-fields.ts';
import type { GeoBounds } from '../query/selectors.ts';
import type { StoryImage, StoryIssue, StoryReading, StoryStep, StoryView } from './story.ts';
import { isWebAddress, storyTextIssues } from './story-text.ts';

/** Lengths past which a field is refused: generous for writing, small enough for a page. */
const STORY_LIMITS = {
  title: 200,
  description: 2_000,
  text: 10_000,
  query: 500,
  alt: 1_000,
  credit: 500,
  url: 2_000,
  steps: 500,
  categories: 100,
} as const;

const STORY_KEYS = ['title', 'description', 'cover', 'steps'];
const STEP_KEYS = ['title', 'text', 'view', 'image'];
const VIEW_KEYS = ['event', 'from', 'to', 'q', 'categories', 'bounds'];
const IMAGE_KEYS = ['url', 'alt', 'credit'];

/** Collects issues while the reader walks the file; each check returns a value or null. */
class IssueList {
  readonly issues: StoryIssue[] = [];

  add(field: string, message: Message): null {
    this.issues.push({ field, reason: inEnglish(message), message });
    return null;
  }

  unknownKeys(object: JsonObject, known: readonly string[], path: string): void {
    for (const key of Object.keys(object)) {
      if (!known.includes(key)) {
        this.add(
          `${path}${key.slice(0, 40)}`,
          /*i18n*/ {
            id: 'is not a story field (expected {fields})',
            values: { fields: known.join(', ') },
          },
        );
      }
    }
  }

  /** A string that is not blank, at most `limit` characters; kept as written. */
  text(object: JsonObject, key: string, path: string, limit: number, allowEmpty = false) {
    const field = `${path}${key}`;
    const value = own(object, key);
    if (value === undefined)
      return this.add(field, /*i18n*/ { id: '{key} is missing', values: { key } });
    if (typeof value !== 'string') return this.add(field, expectedText(value));
    if (!allowEmpty && value.trim() === '')
      return this.add(field, /*i18n*/ { id: '{key} is empty', values: { key } });
    if (value.length > limit) {
      return this.add(
        field,
        /*i18n*/ {
          id: 'is {length} characters long; at most {limit} are allowed',
          values: { length: value.length, limit },
        },
      );
    }
    return value;
  }

  eventId(value: unknown, field: string): string | null {
    if (typeof value !== 'string') {
      return this.add(
        field,
        /*i18n*/ { id: 'expected an event id, got {type}', values: { type: typeName(value) } },
      );
    }
    if (value.trim() === '') return this.add(field, /*i18n*/ { id: 'the event id is empty' });
    if (value.length > MAX_ID_LENGTH) {
      return this.add(
        field,
        /*i18n*/ {
          id: 'event ids are at most {limit} characters long',
          values: { limit: MAX_ID_LENGTH },
        },
      );
    }
    return value;
  }

  day(value: unknown, field: string): CalendarDay | null {
    const day = typeof value === 'string' ? parseIsoDay(value) : null;
    if (day === null) {
      return this.add(
        field,
        /*i18n*/ {
          id: '{value} is not a date in the form YYYY-MM-DD',
          values: { value: preview(value) },
        },
      );
    }
    return day;
  }
}

function readCategories(value: unknown, field: string, issues: IssueList): string[] | null {
  if (!Array.isArray(value)) {
    return issues.add(
      field,
      /*i18n*/ {
        id: 'expected a list of categories, got {type}',
        values: { type: typeName(value) },
      },
    );
  }
  if (value.length > STORY_LIMITS.categories) {
    return issues.add(
      field,
      /*i18n*/ {
        id: 'at most {limit} categories are allowed',
        values: { limit: STORY_LIMITS.categories },
      },
    );
  }
  const categories: string[] = [];
  value.forEach((item: unknown, index) => {
    const itemField = `${field}[${index}]`;
    if (typeof item !== 'string' || item.trim() === '') {
      issues.add(
        itemField,
        /*i18n*/ { id: 'expected a category name, got {value}', values: { value: preview(item) } },
      );
    } else if (item.length > STORY_LIMITS.title) {
      issues.add(
        itemField,
        /*i18n*/ {
          id: 'a category is at most {limit} characters long',
          values: { limit: STORY_LIMITS.title },
        },
      );
    } else if (categories.includes(item)) {
      issues.add(
        itemField,
        /*i18n*/ { id: '"{category}" is listed twice', values: { category: item } },
      );
    } else categories.push(item);
  });
  return categories;
}

function readBounds(value: unknown, field: string, issues: IssueList): GeoBounds | null {
  if (!Array.isArray(value) || value.length !== 4) {
    return issues.add(
      field,
      /*i18n*/ {
        id: 'expected [west, south, east, north] in degrees, got {type}',
        values: { type: typeName(value) },
      },
    );
  }
  const numbers = value as unknown[];
  if (!numbers.every((item) => typeof item === 'number' && Number.isFinite(item))) {
    return issues.add(
      field,
      /*i18n*/ { id: 'expected [west, south, east, north] in degrees: four finite numbers' },
    );
  }
  const [west, south, east, north] = numbers as [number, number, number, number];
  if (south < -90 || north > 90) {
    return issues.add(field, /*i18n*/ { id: 'south and north are latitudes, between -90 and 90' });
  }
  if (south >= north) {
    return issues.add(
      field,
      /*i18n*/ { id: 'south ({south}) must be below north ({north})', values: { south, north } },
    );
  }
  // Longitudes past ±180 frame a view across the antimeridian, as the map itself reports them.
  if (west < -360 || east > 360) {
    return issues.add(field, /*i18n*/ { id: 'west and east are longitudes, between -360 and 360' });
  }
  if (west >= east) {
    return issues.add(
      field,
      /*i18n*/ { id: 'west ({west}) must be left of east ({east})', values: { west, east } },
    );
  }
  if (east - west > 360) {
    return issues.add(field, /*i18n*/ { id: 'the bounds span more than 360° of longitude' });
  }
  return { west, south, east, north };
}

function readView(value: unknown, path: string, issues: IssueList): StoryView | null {
  const field = path.slice(0, -1);
  if (!isObject(value))
    return issues.add(
      field,
      /*i18n*/ {
        id: 'expected an object (event, from, to, q, categories, bounds), got {type}',
        values: { type: typeName(value) },
      },
    );
  issues.unknownKeys(value, VIEW_KEYS, path);
  const count = issues.issues.length;
  const event = own(value, 'event');
  const from = own(value, 'from');
  const to = own(value, 'to');
  const query = own(value, 'q');
  const categories = own(value, 'categories');
  const bounds = own(value, 'bounds');
  const view: StoryView = {
    selectedId: event === undefined ? null : issues.eventId(event, `${path}event`),
    from: from === undefined ? null : issues.day(from, `${path}from`),
    to: to === undefined ? null : issues.day(to, `${path}to`),
    query: '',
    categories:
      categories === undefined
        ? []
        : (readCategories(categories, `${path}categories`, issues) ?? []),
    bounds: bounds === undefined ? null : readBounds(bounds, `${path}bounds`, issues),
  };
  if (query !== undefined) {
    const text = issues.text(value, 'q', path, STORY_LIMITS.query, true);
    // The explorer trims its search; a story's search is the same search.
    view.query = text?.trim() ?? '';
  }
  if (view.from !== null && view.to !== null && view.to < view.from)
    issues.add(
      `${path}to`,
      /*i18n*/ {
        id: '{to} is before from {from}',
        values: { to: preview(to), from: preview(from) },
      },
    );
  return issues.issues.length === count ? view : null;
}

function readImage(value: unknown, path: string, issues: IssueList): StoryImage | null {
  const field = path.slice(0, -1);
  if (!isObject(value))
    return issues.add(
      field,
      /*i18n*/ {
        id: 'expected an object (url, alt, credit), got {type}',
        values: { type: typeName(value) },
      },
    );
  issues.unknownKeys(value, IMAGE_KEYS, path);
  const url = issues.text(value, 'url', path, STORY_LIMITS.url);
  if (url !== null && !isWebAddress(url))
    issues.add(
      `${path}url`,
      /*i18n*/ {
        id: '{value} is not an absolute http(s) address',
        values: { value: preview(url) },
      },
    );
  const alt = issues.text(value, 'alt', path, STORY_LIMITS.alt);
  const credit = issues.text(value, 'credit', path, STORY_LIMITS.credit);
  if (url === null || alt === null || credit === null || !isWebAddress(url)) return null;
  return { url, alt, credit };
}

function readStep(value: unknown, index: number, issues: IssueList): StoryStep | null {
  const path = `steps[${index}].`;
  if (!isObject(value))
    return issues.add(
      `steps[${index}]`,
      /*i18n*/ {
        id: 'expected a step (title, text, view), got {type}',
        values: { type: typeName(value) },
      },
    );
  issues.unknownKeys(value, STEP_KEYS, path);
  const title = issues.text(value, 'title', path, STORY_LIMITS.title);
  const text = issues.text(value, 'text', path, STORY_LIMITS.text, true);
  if (text !== null) {
    for (const message of storyTextIssues(text)) issues.add(`${path}text`, message);
  }
  const viewValue = own(value, 'view');
  const view =
    viewValue === undefined
      ? issues.add(`${path}view`, /*i18n*/ { id: '{key} is missing', values: { key: 'view' } })
      : readView(viewValue, `${path}view.`, issues);
  const imageValue = own(value, 'image');
  const image = imageValue === undefined ? null : readImage(imageValue, `${path}image.`, issues);
  if (title === null || text === null || view === null) return null;
  return { title, text, view, image };
}

/** A story file's JSON read into a Story, or every reason it cannot be. */
export function readStory(value: unknown): StoryReading {
  const issues = new IssueList();
  if (!isObject(value)) {
    issues.add(
      'story',
      /*i18n*/ {
        id: 'expected a JSON object with a title, a description and steps, got {type}',
        values: { type: typeName(value) },
      },
    );
    return { story: null, issues: issues.issues };
  }
  issues.unknownKeys(value, STORY_KEYS, '');
  const title = issues.text(value, 'title', '', STORY_LIMITS.title);
  const description = issues.text(value, 'description', '', STORY_LIMITS.description, true);
  const coverValue = own(value, 'cover');
  const coverId = coverValue === undefined ? null : issues.eventId(coverValue, 'cover');
  const stepsValue = own(value, 'steps');
  const steps: StoryStep[] = [];
  if (stepsValue === undefined)
    issues.add('steps', /*i18n*/ { id: '{key} is missing', values: { key: 'steps' } });
  else if (!Array.isArray(stepsValue)) {
    issues.add(
      'steps',
      /*i18n*/ {
        id: 'expected a list of steps, got {type}',
        values: { type: typeName(stepsValue) },
      },
    );
  } else if (stepsValue.length === 0)
    issues.add('steps', /*i18n*/ { id: 'a story needs at least one step' });
  else if (stepsValue.length > STORY_LIMITS.steps) {
    issues.add(
      'steps',
      /*i18n*/ {
        id: '{count} steps; at most {limit} are allowed',
        values: { count: stepsValue.length, limit: STORY_LIMITS.steps },
      },
    );
  } else
    (stepsValue as unknown[]).forEach((stepValue, index) => {
      const step = readStep(stepValue, index, issues);
      if (step) steps.push(step);
    });
  if (issues.issues.length > 0 || title === null || description === null)
    return { story: null, issues: issues.issues };
  return { story: { title, description, coverId, steps }, issues: [] };
}

/** One line per issue, `field: reason`, as the explorer and `npm run validate:data` show them. */
export function describeStoryIssue(issue: StoryIssue): string {
  return `${issue.field}: ${issue.reason}`;
}
