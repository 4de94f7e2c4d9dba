import type { CSSProperties } from 'react';
import {
  categoryCountText,
  categoryLabel,
  isAnyCategoryFiltered,
  type CategoryCount,
} from '../../data/model/categories.ts';
import { Disclosure } from '../../lib/disclosure/disclosure.tsx';
import { i18n } from '../../lib/i18n/i18n.ts';
import { useMediaQuery } from '../../lib/use-media-query.ts';

/** Where the legend has room to be open beside the list (the layout's own breakpoint). */
const WIDE_SCREEN = '(min-width: 900px)';

export interface MapLegendProps {
  /** Each category present in the data, with how many events it has and how many are shown. */
  categories: CategoryCount[];
  /** What the categories are, when an imported file's column says so ("violence level"). */
  categoryColumn: string | null;
  /** A category's colour (the dataset's palette). */
  colourOf: (category: string) => string;
  /** Its name under the heading (categories.ts `legendLabelOf`). */
  labelOf: (category: string) => string;
  /** The categories shown; empty means all. */
  activeCategories: readonly string[];
  onToggleCategory: (category: string) => void;
}

/**
 * What the marker colours and the dashed halo mean; each category is also a switch that shows or
 * hides its events. Open at first on a wide screen; folded on a phone, where it would cover the
 * map, and folded again when a wide window narrows to a phone's width.
 */
export function MapLegend({
  categories,
  categoryColumn,
  colourOf,
  labelOf,
  activeCategories,
  onToggleCategory,
}: MapLegendProps) {
  const isShown = (category: string) =>
    activeCategories.length === 0 || activeCategories.includes(category);
  const shownCount = categories.filter(({ category }) => isShown(category)).length;
  // Once any filter leaves events out, every count says how many of its events are shown.
  const filtered = isAnyCategoryFiltered(categories);
  const legend = i18n._('Legend');
  const isWideScreen = useMediaQuery(WIDE_SCREEN);
  return (
    <Disclosure
      as="aside"
      className="map-legend"
      aria-label={legend}
      buttonClassName="legend-toggle"
      label={legend}
      defaultOpen={isWideScreen}
      resetWith={isWideScreen}
      // Hidden rather than removed while a dataset loads: the reader's open or folded legend stays so.
      hidden={categories.length === 0}
    >
      {(region) => (
        <ul {...region} className="legend-list">
          {categoryColumn && (
            <li className="legend-heading" dir="auto">
              {categoryLabel(categoryColumn)}
            </li>
          )}
          {categories.map(({ category, total, shown }) => (
            <li key={category} style={{ '--category-color': colourOf(category) } as CSSProperties}>
              <button
                type="button"
                className="legend-category"
                aria-pressed={isShown(category)}
                aria-disabled={isShown(category) && shownCount === 1 ? true : undefined}
                title={
                  !isShown(category)
                    ? i18n._('Show these events')
                    : shownCount === 1
                      ? i18n._('The last category shown stays shown')
                      : i18n._('Hide these events')
                }
                onClick={() => onToggleCategory(category)}
              >
                <span className="category-swatch" aria-hidden="true" />
                <span dir="auto">{labelOf(category)}</span>{' '}
                <span className="legend-count">
                  ({categoryCountText({ category, total, shown }, filtered)})
                </span>
              </button>
            </li>
          ))}
          <li className="legend-halo-item">
            <span className="legend-halo" aria-hidden="true" />
            {i18n._('Approximate location')}
          </li>
        </ul>
      )}
    </Disclosure>
  );
}
