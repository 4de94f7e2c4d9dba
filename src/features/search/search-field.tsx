import { forwardRef, useId, useState } from 'react';
import { i18n } from '../../lib/i18n/i18n.ts';
import './search.css';

export interface SearchFieldProps {
  /** The search in the URL: trimmed. */
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
  // What the reader has typed, spaces included: the URL keeps the search trimmed, and the field
  // showing the URL's value would swallow the space between "kim" and "jong" as it is typed. A
  // change from elsewhere (Back, Reset filters, a link) replaces it.
  const [text, setText] = useState(value);
  const [valueShown, setValueShown] = useState(value);
  if (value !== valueShown) {
    setValueShown(value);
    if (text.trim() !== value) setText(value);
  }
  const change = (next: string) => {
    setText(next);
    onChange(next.trim());
  };
  return (
    <form
      className="search-field"
      role="search"
      onSubmit={(submitEvent) => submitEvent.preventDefault()}
    >
      <label htmlFor={id} className="visually-hidden">
        {i18n._('Search events')}
      </label>
      <svg className="search-icon" viewBox="0 0 20 20" aria-hidden="true">
        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M13 13l4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <input
        ref={ref}
        id={id}
        type="search"
        placeholder={i18n._('Search events  ( / )')}
        autoComplete="off"
        spellCheck={false}
        disabled={disabled}
        value={text}
        onChange={(changeEvent) => change(changeEvent.target.value)}
        onKeyDown={(keyEvent) => {
          if (keyEvent.key === 'Escape' && text !== '') {
            keyEvent.preventDefault();
            change('');
          }
        }}
      />
    </form>
  );
});
