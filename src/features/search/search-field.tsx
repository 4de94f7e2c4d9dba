import { forwardRef, useId } from 'react';

export interface SearchFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** While the data loads: the field is there (the layout does not jump) but cannot be used yet. */
  disabled?: boolean;
}

/** "Search events": title, summary, place, tags and sources, ignoring case and accents. */
export const SearchField = forwardRef<HTMLInputElement, SearchFieldProps>(function SearchField(
  { value, onChange, disabled = false },
  ref,
) {
  const id = useId();
  return (
    <form
      className="search-field"
      role="search"
      onSubmit={(submitEvent) => submitEvent.preventDefault()}
    >
      <label htmlFor={id} className="visually-hidden">
        Search events
      </label>
      <svg className="search-icon" viewBox="0 0 20 20" aria-hidden="true">
        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M13 13l4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <input
        ref={ref}
        id={id}
        type="search"
        placeholder="Search events  ( / )"
        autoComplete="off"
        spellCheck={false}
        disabled={disabled}
        value={value}
        onChange={(changeEvent) => onChange(changeEvent.target.value)}
        onKeyDown={(keyEvent) => {
          if (keyEvent.key === 'Escape' && value !== '') {
            keyEvent.preventDefault();
            onChange('');
          }
        }}
      />
    </form>
  );
});
