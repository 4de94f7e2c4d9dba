import type { Ref } from 'react';
import { i18n } from '../../lib/i18n/i18n.ts';
import './filters.css';

export interface FiltersButtonProps {
  ref: Ref<HTMLButtonElement>;
  /** How many filters are in force (the chips). */
  activeCount: number;
  disabled: boolean;
  onOpen: () => void;
}

/** On a phone, the one button in front of the search, the dates and the categories. */
export function FiltersButton({ ref, activeCount, disabled, onOpen }: FiltersButtonProps) {
  return (
    <button
      ref={ref}
      type="button"
      className="button filters-button"
      aria-haspopup="dialog"
      // The count is a badge on screen; said in words to a screen reader.
      aria-label={
        activeCount > 0 ? i18n._('Filters, {count} active', { count: activeCount }) : undefined
      }
      disabled={disabled}
      onClick={onOpen}
    >
      <svg className="filters-icon" viewBox="0 0 20 20" aria-hidden="true">
        <path
          d="M3 5h14M6 10h8M8.5 15h3"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
        />
      </svg>
      {i18n._('Filters')}
      {activeCount > 0 && <span className="filters-count">{activeCount}</span>}
    </button>
  );
}
