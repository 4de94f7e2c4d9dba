import { useId, useState, type CSSProperties } from 'react';
import { categoryColor, categoryLabel } from '../../data/categories.ts';

export interface MapLegendProps {
  /** Each category present in the data, with how many events it has. */
  categories: { category: string; count: number }[];
}

/**
 * What the marker colours and the dashed halo mean. Open at first on a wide screen; folded on a
 * phone, where it would cover half the map.
 */
export function MapLegend({ categories }: MapLegendProps) {
  const [open, setOpen] = useState(() => window.matchMedia('(min-width: 900px)').matches);
  const listId = useId();
  if (categories.length === 0) return null;
  return (
    <aside className="map-legend" aria-label="Legend">
      <button
        type="button"
        className="legend-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        Legend
      </button>
      <ul className="legend-list" id={listId} hidden={!open}>
        {categories.map(({ category, count }) => (
          <li
            key={category}
            style={{ '--category-color': categoryColor(category) } as CSSProperties}
          >
            <span className="category-swatch" aria-hidden="true" />
            {categoryLabel(category)} <span className="legend-count">({count})</span>
          </li>
        ))}
        <li className="legend-halo-item">
          <span className="legend-halo" aria-hidden="true" />
          Approximate location
        </li>
      </ul>
    </aside>
  );
}
