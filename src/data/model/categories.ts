/**
 * Category names and colours. Colours are slots of one palette, defined per theme in
 * src/styles/tokens.css (`--category-1` … `--category-6`, `--category-other`, `--grade-1` …
 * `--grade-5`): the Okabe–Ito hues, each set in lightness so that every marker keeps at least 3:1
 * contrast against land and water and the categories stay apart for the common forms of colour
 * blindness (marker-contrast.test.ts checks both).
 *
 * A dataset's palette is chosen from its own categories: the bundled data's categories keep fixed
 * slots, the others take the slots in order of frequency, and values that form a scale (1–5,
 * low/medium/high) take a graded palette instead of unrelated colours.
 */
import { i18n } from '../../lib/i18n/i18n.ts';
import { DEFAULT_CATEGORY, type CategoryStyle } from './schema.ts';

export type ColourSlot =
  `category-${1 | 2 | 3 | 4 | 5 | 6}` | 'category-other' | `grade-${1 | 2 | 3 | 4 | 5}`;

/**
 * A palette slot, or one of the dataset's own colours (metadata.categories): those are numbered
 * slots whose colour the page defines from script (custom-colours.ts), since the Content Security
 * Policy refuses style attributes in markup.
 */
export type PaletteSlot = ColourSlot | `custom-${number}`;

/** A colour the dataset gives a category itself, by its slot. */
export interface CustomColour {
  slot: `custom-${number}`;
  colour: string;
}

const CATEGORICAL_SLOTS = [1, 2, 3, 4, 5, 6] as const;
const GRADES = 5;

/** The bundled dataset's categories: fixed, so its colours never change. */
const KNOWN_SLOTS: Record<string, ColourSlot> = {
  statement: 'category-1',
  strike: 'category-2',
  diplomacy: 'category-3',
  'missile-test': 'category-4',
  'military-activity': 'category-5',
  [DEFAULT_CATEGORY]: 'category-other',
};

/** Words of common severity and priority scales, lowest first, compared in lower case. */
const SCALE_WORDS = [
  ['none'],
  ['very low', 'minimal', 'negligible'],
  ['low', 'minor', 'light'],
  ['medium', 'moderate', 'mid'],
  ['high', 'major', 'heavy', 'serious'],
  ['very high', 'severe', 'critical', 'extreme'],
];

/** "missile-test" → "Missile test": category slugs as readers see them. */
export function categoryLabel(category: string): string {
  const words = category.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** How many events each category has, most frequent first (the order palettes hand out slots in). */
export function countCategories(events: readonly { category: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { category } of events) counts.set(category, (counts.get(category) ?? 0) + 1);
  return new Map([...counts].sort((a, b) => b[1] - a[1]));
}

/** The CSS colour of a slot: a custom property, so it follows the theme. */
function slotColour(slot: PaletteSlot): string {
  return `var(--${slot})`;
}

/** Where a value sits on a scale (a number, or a scale word), or null when it is not on one. */
export function scaleRank(category: string): number | null {
  const text = category
    .trim()
    .toLowerCase()
    .replace(/[-_\s]+/g, ' ');
  if (/^-?\d{1,3}(\.\d+)?$/.test(text)) return Number(text);
  const index = SCALE_WORDS.findIndex((words) => words.includes(text));
  return index === -1 ? null : index;
}

export interface CategoryPalette {
  /** The slot of a category; a category the palette was not built with is "other". */
  slotOf: (category: string) => PaletteSlot;
  /** Its colour, for styles (a `var(--…)` reference, or the dataset's own `#rrggbb`). */
  colourOf: (category: string) => string;
  /** The dataset's own colour of a category, if it gives one. */
  customColourOf: (category: string) => string | null;
  /** Every colour the dataset gives, by slot, for the page to define. */
  customColours: readonly CustomColour[];
  /** Its name for readers: "Missile test"; a bare level names its column, "Violence level 3". */
  labelOf: (category: string) => string;
  /** Its name under a legend heading that already names the column: "3", or the dataset's own. */
  legendLabelOf: (category: string) => string;
  /** True when the categories form a scale and are graded. */
  graded: boolean;
  /** Orders categories for a legend: the scale's order when graded, else as given. */
  order: (categories: readonly string[]) => string[];
}

/**
 * The palette for a dataset's categories, given most frequent first. A scale needs at least three
 * values on it, and at most two values off it (such as "GRAPHIC" beside levels 1–5).
 */
export function categoryPalette(
  categoriesByCount: readonly string[],
  /** The column an imported file's categories came from, if any. */
  column: string | null = null,
  /** The dataset's own labels and colours (metadata.categories). */
  styles: Readonly<Record<string, CategoryStyle>> = {},
): CategoryPalette {
  const slots = new Map<string, PaletteSlot>();
  const customColours: CustomColour[] = [];
  // The dataset's own colours first: the categories that have one leave the palette's slots to
  // the others.
  for (const category of categoriesByCount) {
    const colour = Object.hasOwn(styles, category) ? styles[category]?.colour : undefined;
    if (colour === undefined) continue;
    const slot = `custom-${customColours.length + 1}` as const;
    slots.set(category, slot);
    customColours.push({ slot, colour });
  }
  const customColourBySlot = new Map<PaletteSlot, string>(
    customColours.map(({ slot, colour }) => [slot, colour]),
  );
  const ranked = categoriesByCount
    .map((category) => ({ category, rank: scaleRank(category) }))
    .filter((entry): entry is { category: string; rank: number } => entry.rank !== null)
    .sort((a, b) => a.rank - b.rank);
  const graded =
    ranked.length >= 3 &&
    categoriesByCount.length - ranked.length <= 2 &&
    new Set(ranked.map((entry) => entry.rank)).size === ranked.length;
  if (graded) {
    ranked.forEach(({ category }, index) => {
      const grade = 1 + Math.round((index * (GRADES - 1)) / Math.max(ranked.length - 1, 1));
      if (!slots.has(category)) slots.set(category, `grade-${grade as 1 | 2 | 3 | 4 | 5}`);
    });
  }
  const taken = new Set<ColourSlot>();
  for (const category of categoriesByCount) {
    const known = Object.hasOwn(KNOWN_SLOTS, category) ? KNOWN_SLOTS[category] : undefined;
    if (known && !slots.has(category)) {
      slots.set(category, known);
      taken.add(known);
    }
  }
  // The most frequent categories get the slots no known category holds; past six, slots repeat
  // (the legend still names every category).
  const free = CATEGORICAL_SLOTS.map((slot) => `category-${slot}` as const).filter(
    (slot) => !taken.has(slot),
  );
  let next = 0;
  for (const category of categoriesByCount) {
    if (slots.has(category)) continue;
    const pool =
      free.length > 0 ? free : CATEGORICAL_SLOTS.map((slot) => `category-${slot}` as const);
    slots.set(category, pool[next % pool.length] ?? 'category-other');
    next += 1;
  }
  const slotOf = (category: string): PaletteSlot => slots.get(category) ?? 'category-other';
  const customColourOf = (category: string): string | null => {
    const slot = slots.get(category);
    return (slot && customColourBySlot.get(slot)) ?? null;
  };
  const rankOf = new Map(ranked.map(({ category, rank }) => [category, rank]));
  const ownLabelOf = (category: string): string | null =>
    (Object.hasOwn(styles, category) ? styles[category]?.label : undefined) ?? null;
  return {
    slotOf,
    colourOf: (category) => customColourOf(category) ?? slotColour(slotOf(category)),
    customColourOf,
    customColours,
    labelOf: (category) =>
      ownLabelOf(category) ??
      (column !== null && /^-?\d/.test(category)
        ? `${categoryLabel(column)} ${category}`
        : categoryLabel(category)),
    legendLabelOf: (category) => ownLabelOf(category) ?? categoryLabel(category),
    graded,
    order: (categories) =>
      graded
        ? [...categories].sort(
            (a, b) =>
              (rankOf.get(a) ?? Number.POSITIVE_INFINITY) -
              (rankOf.get(b) ?? Number.POSITIVE_INFINITY),
          )
        : [...categories],
  };
}

export interface CategoryCount {
  category: string;
  /** Events of the category in the dataset. */
  total: number;
  /** Of those, the events the filters keep; null while not known (a data server still counting). */
  shown: number | null;
}

/** Whether any filter takes events away, so the counts say "8 of 40" rather than "40". */
export function isAnyCategoryFiltered(counts: readonly CategoryCount[]): boolean {
  return counts.some(({ total, shown }) => shown !== total);
}

/**
 * A category's count as the legend and the Filters sheet show it (in brackets): the dataset's
 * count, or under filters the count they keep of it.
 */
export function categoryCountText({ total, shown }: CategoryCount, filtered: boolean): string {
  if (shown === null) return i18n._('… of {total}', { total: i18n.number(total) });
  return filtered
    ? i18n._('{shown} of {total}', { shown: i18n.number(shown), total: i18n.number(total) })
    : i18n.number(total);
}
