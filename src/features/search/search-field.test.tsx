// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useState } from 'react';
import { SearchField } from './search-field.tsx';

/** The field as the app uses it: its value is the URL's search, which is kept trimmed. */
function Harness({ onSearch }: { onSearch: (search: string, reset: () => void) => void }) {
  const [search, setSearch] = useState('');
  onSearch(search, () => setSearch(''));
  return <SearchField value={search} onChange={(value) => setSearch(value.trim())} />;
}

function renderField() {
  let search = '';
  let reset = () => {};
  render(
    <Harness
      onSearch={(current, resetSearch) => {
        search = current;
        reset = resetSearch;
      }}
    />,
  );
  const field = screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search events' });
  return { field, search: () => search, reset: () => act(() => reset()) };
}

/** Types a key at a time, each added to what the field shows, as a keyboard does. */
function typeInto(field: HTMLInputElement, text: string) {
  for (const key of text) fireEvent.change(field, { target: { value: field.value + key } });
}

describe('the search field', () => {
  afterEach(cleanup);

  it('keeps the spaces typed between words, and searches for the words', () => {
    const { field, search } = renderField();
    typeInto(field, 'kim jong');
    expect(field.value).toBe('kim jong');
    expect(search()).toBe('kim jong');
    typeInto(field, ' ');
    expect(field.value).toBe('kim jong ');
    expect(search()).toBe('kim jong');
  });

  it('shows a search changed elsewhere (Reset filters), and clears with Escape', () => {
    const { field, search, reset } = renderField();
    typeInto(field, 'sinpo ');
    reset();
    expect(field.value).toBe('');
    typeInto(field, 'donetsk');
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(field.value).toBe('');
    expect(search()).toBe('');
  });
});
