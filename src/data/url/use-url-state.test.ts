// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseIsoDay } from '../model/calendar-day.ts';
import { search, selectEvent, setDateRange } from './explorer-actions.ts';
import { ADDRESS_WRITE_DELAY_MS, useUrlState, writePendingAddress } from './use-url-state.ts';

const address = () => window.location.pathname + window.location.search;

describe('the URL state hook', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '/');
  });
  afterEach(() => {
    writePendingAddress();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('shows a filter change at once, and writes the address once, a moment after the last change', () => {
    const replace = vi.spyOn(window.history, 'replaceState');
    const { result } = renderHook(() => useUrlState());
    for (const day of ['2024-06-01', '2024-06-08', '2024-06-15']) {
      act(() => result.current.apply(setDateRange, { from: parseIsoDay(day), to: null }));
      vi.advanceTimersByTime(ADDRESS_WRITE_DELAY_MS / 2);
    }
    // The app already filters by the last day; the browser's address has not been written yet.
    expect(result.current.state.from).toEqual(parseIsoDay('2024-06-15'));
    expect(address()).toBe('/');
    expect(replace).not.toHaveBeenCalled();

    act(() => vi.advanceTimersByTime(ADDRESS_WRITE_DELAY_MS));
    expect(address()).toBe('/?from=2024-06-15');
    expect(replace).toHaveBeenCalledTimes(1);
  });

  it('a selection first writes the pending filters to the entry it leaves, so Back returns to them', () => {
    const calls: string[] = [];
    vi.spyOn(window.history, 'replaceState').mockImplementation(function (this: History, ...args) {
      calls.push(`replace ${String(args[2])}`);
      History.prototype.replaceState.apply(this, args);
    });
    vi.spyOn(window.history, 'pushState').mockImplementation(function (this: History, ...args) {
      calls.push(`push ${String(args[2])}`);
      History.prototype.pushState.apply(this, args);
    });
    const { result } = renderHook(() => useUrlState());
    act(() => result.current.apply(search, 'sinpo'));
    act(() => result.current.apply(selectEvent, 'sinpo-cruise-missile-tests'));
    expect(calls).toEqual(['replace /?q=sinpo', 'push /events/sinpo-cruise-missile-tests?q=sinpo']);
    expect(result.current.state.selectedId).toBe('sinpo-cruise-missile-tests');
    act(() => vi.advanceTimersByTime(ADDRESS_WRITE_DELAY_MS * 2));
    expect(calls).toHaveLength(2);
  });

  it('Back or Forward drops a change not yet written: it belonged to the entry left behind', () => {
    const { result } = renderHook(() => useUrlState());
    act(() => result.current.apply(search, 'summit'));
    act(() => {
      // The browser lands on another entry (here: one with another address) and says so.
      window.history.pushState(null, '', '/events/sinpo-cruise-missile-tests');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(result.current.state.query).toBe('');
    expect(result.current.state.selectedId).toBe('sinpo-cruise-missile-tests');
    act(() => vi.advanceTimersByTime(ADDRESS_WRITE_DELAY_MS * 2));
    expect(address()).toBe('/events/sinpo-cruise-missile-tests');
  });

  it('Back to an entry with the same address still drops the change', () => {
    const { result } = renderHook(() => useUrlState());
    act(() => result.current.apply(search, 'sinpo'));
    act(() => {
      // The entry reached has the address this one had before the change ("/", then a selection
      // cleared, then Back two steps).
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(result.current.state.query).toBe('');
    act(() => vi.advanceTimersByTime(ADDRESS_WRITE_DELAY_MS * 2));
    expect(address()).toBe('/');
  });

  it('a jump to a fragment (the skip link) writes the change first, so both entries keep it', () => {
    const { result } = renderHook(() => useUrlState());
    const skipLink = document.createElement('a');
    skipLink.href = '#main';
    skipLink.addEventListener('click', (clickEvent) => clickEvent.preventDefault());
    document.body.append(skipLink);
    act(() => result.current.apply(search, 'donetsk'));
    skipLink.click();
    // The entry left has the change...
    expect(address()).toBe('/?q=donetsk');
    act(() => {
      // ...and the browser's new entry, with the fragment, takes this address.
      window.history.pushState(null, '', '/?q=donetsk#main');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(result.current.state.query).toBe('donetsk');
    skipLink.remove();
  });

  it('writes at once when the window loses the focus (to the address bar) or the page is hidden', () => {
    const { result } = renderHook(() => useUrlState());
    act(() => result.current.apply(search, 'seoul'));
    window.dispatchEvent(new Event('blur'));
    expect(address()).toBe('/?q=seoul');
    act(() => result.current.apply(search, 'pyongyang'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(address()).toBe('/?q=pyongyang');
  });

  it('writes at once before the browser’s own Reload, Back or Forward', () => {
    const { result } = renderHook(() => useUrlState());
    const steps: [string, () => void][] = [
      ['F5', () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'F5' }))],
      [
        'Ctrl+R',
        () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'r', ctrlKey: true })),
      ],
      [
        'Alt+←',
        () =>
          window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', altKey: true })),
      ],
      [
        'the mouse’s back button',
        () => window.dispatchEvent(new MouseEvent('pointerdown', { button: 3 })),
      ],
      [
        'the pointer leaving for the toolbar',
        () => document.documentElement.dispatchEvent(new MouseEvent('mouseleave')),
      ],
    ];
    steps.forEach(([name, step], index) => {
      act(() => result.current.apply(search, `step-${index}`));
      step();
      expect(address(), name).toBe(`/?q=step-${index}`);
    });
    // The app's own keys (an arrow alone moves the selection or a handle) wait as before.
    act(() => result.current.apply(search, 'arrow'));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft' }));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'r' }));
    expect(address()).toBe('/?q=step-4');
    act(() => vi.advanceTimersByTime(ADDRESS_WRITE_DELAY_MS));
    expect(address()).toBe('/?q=arrow');
  });
});
