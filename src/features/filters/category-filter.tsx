import type { CSSProperties } from 'react';
import { i18n } from '../../lib/i18n/i18n.ts';
import {
  categoryCountText,
  isAnyCategoryFiltered,
  type CategoryCount,
} from '../../data/model/categories.ts';
import './filters.css';

export interface CategoryFilterProps {
  categories: readonly CategoryCount[];
  /** The categories kept; empty keeps all. */
  active: readonly string[];
  colourOf: (category: string) => string;
  labelOf: (category: string) => string;
  onToggle: (category: string) => void;
}

/** The legend's switches, in the filters sheet: on a phone the legend is folded over the map. */
export function CategoryFilter({
  categories,
  active,
  colourOf,
  labelOf,
  onToggle,
}: CategoryFilterProps) {
  if (categories.length < 2) return null;
  const isShown = (category: string) => active.length === 0 || active.includes(category);
  const shownCount = categories.filter(({ category }) => isShown(category)).length;
  // As in the map's legend: under filters, each count says how many of its events are kept.
  const filtered = isAnyCategoryFiltered(categories);
  return (
    <div className="category-filter" role="group" aria-label={i18n._('Categories')}>
      <p className="filters-sheet-label" aria-hidden="true">
        {i18n._('Categories')}
      </p>
      <div className="category-filter-list">
        {categories.map((count) => {
          const { category } = count;
          return (
            <button
              key={category}
              type="button"
              className="chip category-filter-chip"
              aria-pressed={isShown(category)}
              aria-disabled={isShown(category) && shownCount === 1 ? true : undefined}
              style={{ '--category-color': colourOf(category) } as CSSProperties}
              onClick={() => onToggle(category)}
            >
              <span className="category-swatch" aria-hidden="true" />
              <span dir="auto">{labelOf(category)}</span>{' '}
              <span className="category-filter-count">({categoryCountText(count, filtered)})</span>
            </button>
          );
        })}
      </div>
    </div>
  );
}
