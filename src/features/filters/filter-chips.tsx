import { useEffect, useRef } from 'react';
import type { ActiveFilter } from '../../data/query/active-filters.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import './filters.css';

export interface FilterChipsProps {
  filters: readonly ActiveFilter[];
  onRemove: (kind: ActiveFilter['kind']) => void;
  onReset: () => void;
  /** The last chip went: the focus needs a home (the Filters button). */
  onEmptied: () => void;
}

/**
 * The filters in force as a line of chips, each a button that removes its filter; with more than
 * one, a Reset that removes them all. The focus moves to the next chip as one goes.
 */
export function FilterChips({ filters, onRemove, onReset, onEmptied }: FilterChipsProps) {
  const listRef = useRef<HTMLUListElement>(null);
  // The place of the chip just removed: after the render that takes it away, the focus goes to
  // the chip now there (or the one before), else to the Filters button.
  const focusAfterRemoval = useRef<number | null>(null);
  useEffect(function keepFocusOnAChip() {
    const removed = focusAfterRemoval.current;
    if (removed === null) return;
    focusAfterRemoval.current = null;
    const buttons = listRef.current?.querySelectorAll('button') ?? [];
    const next = buttons[Math.min(removed, buttons.length - 1)];
    if (next) next.focus();
    else onEmptied();
  });
  if (filters.length === 0) return null;
  return (
    // A region of its own: a landmark, as everything on the page is in one.
    <section className="filter-chips" aria-label={i18n._('Filters in force')}>
      <ul className="filter-chips-list" aria-label={i18n._('Active filters')} ref={listRef}>
        {filters.map((filter, index) => (
          <li key={filter.kind}>
            <button
              type="button"
              className="chip filter-chip"
              onClick={() => {
                focusAfterRemoval.current = index;
                onRemove(filter.kind);
              }}
            >
              <span className="visually-hidden">{i18n._('Remove filter:')} </span>
              <span className="filter-chip-label">{filter.label}</span>
              <svg className="filter-chip-remove" viewBox="0 0 12 12" aria-hidden="true">
                <path d="M3 3l6 6M9 3l-6 6" stroke="currentColor" strokeWidth="1.8" />
              </svg>
            </button>
          </li>
        ))}
        {filters.length > 1 && (
          <li>
            <button
              type="button"
              className="chip filter-chips-reset"
              onClick={() => {
                focusAfterRemoval.current = 0;
                onReset();
              }}
            >
              {i18n._('Reset filters')}
            </button>
          </li>
        )}
      </ul>
    </section>
  );
}
