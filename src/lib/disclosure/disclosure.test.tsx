// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Disclosure, type DisclosureOptions } from './disclosure.tsx';

function renderDisclosure(options: DisclosureOptions = {}) {
  render(
    <div>
      <p>Outside</p>
      <Disclosure className="menu" label="Export" {...options}>
        {(region, close) => (
          <div {...region} data-testid="region">
            <button type="button" onClick={close}>
              CSV
            </button>
          </div>
        )}
      </Disclosure>
    </div>,
  );
  return {
    button: screen.getByRole('button', { name: 'Export' }),
    region: screen.getByTestId('region'),
  };
}

describe('the disclosure', () => {
  afterEach(cleanup);

  it('starts closed, and its button shows and hides the region it controls', () => {
    const { button, region } = renderDisclosure();
    expect(button.getAttribute('aria-controls')).toBe(region.id);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(region.hidden).toBe(true);

    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(region.hidden).toBe(false);

    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(region.hidden).toBe(true);
  });

  it('starts open when asked, also through a function read once', () => {
    const wide = vi.fn(() => true);
    const { button, region } = renderDisclosure({ defaultOpen: wide });
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(region.hidden).toBe(false);
    fireEvent.click(button);
    expect(wide).toHaveBeenCalledTimes(1);
  });

  it('goes back to its default when resetWith changes, and keeps the reader’s choice otherwise', () => {
    const view = (wide: boolean) => (
      <Disclosure label="Legend" defaultOpen={wide} resetWith={wide}>
        {(region) => <div {...region} data-testid="region" />}
      </Disclosure>
    );
    const { rerender } = render(view(true));
    const button = screen.getByRole('button', { name: 'Legend' });
    expect(button.getAttribute('aria-expanded')).toBe('true');

    // The window narrows to a phone's width: the open legend folds.
    rerender(view(false));
    expect(button.getAttribute('aria-expanded')).toBe('false');
    // The reader opens it on the phone: a render with the same width leaves it open.
    fireEvent.click(button);
    rerender(view(false));
    expect(button.getAttribute('aria-expanded')).toBe('true');
    // Wide again, after a fold: open, as a wide window starts.
    fireEvent.click(button);
    rerender(view(true));
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('button', { name: 'Legend' })).toBe(button);
  });

  it('closes on Escape from inside the region, and gives the focus back to the button', () => {
    const { button, region } = renderDisclosure();
    fireEvent.click(button);
    const choice = screen.getByRole('button', { name: 'CSV' });
    choice.focus();

    const escape = fireEvent.keyDown(choice, { key: 'Escape' });
    expect(escape).toBe(false); // handled: the page's own Escape (clearing the selection) stays out
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(region.hidden).toBe(true);
    expect(document.activeElement).toBe(button);
  });

  it('lets Escape through while closed', () => {
    const { button } = renderDisclosure();
    button.focus();
    expect(fireEvent.keyDown(button, { key: 'Escape' })).toBe(true);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('closes from inside the region without moving the focus', () => {
    const { button, region } = renderDisclosure();
    fireEvent.click(button);
    fireEvent.click(screen.getByRole('button', { name: 'CSV' }));
    expect(region.hidden).toBe(true);
    expect(document.activeElement).not.toBe(button);
  });

  it('closes on a press outside when asked, not on one inside', () => {
    const { button, region } = renderDisclosure({ closeOnOutsidePress: true });
    fireEvent.click(button);

    fireEvent.pointerDown(region);
    expect(region.hidden).toBe(false);
    fireEvent.pointerDown(button);
    expect(region.hidden).toBe(false);

    fireEvent.pointerDown(screen.getByText('Outside'));
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(region.hidden).toBe(true);
  });

  it('gives the focus back to the button after a press outside on nothing focusable', async () => {
    const { button, region } = renderDisclosure({ closeOnOutsidePress: true });
    fireEvent.click(button);
    screen.getByRole('button', { name: 'CSV' }).focus();

    fireEvent.pointerDown(screen.getByText('Outside'));
    // What a browser does next: the focused element is hidden with the region, the focus falls
    // to the page.
    (document.activeElement as HTMLElement).blur();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(region.hidden).toBe(true);
    expect(document.activeElement).toBe(button);
  });

  it('leaves the focus where a press outside put it', async () => {
    render(<input aria-label="Search events" />);
    const { button } = renderDisclosure({ closeOnOutsidePress: true });
    fireEvent.click(button);
    screen.getByRole('button', { name: 'CSV' }).focus();

    const search = screen.getByRole('textbox', { name: 'Search events' });
    fireEvent.pointerDown(search);
    search.focus();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(search);
  });

  it('stays open on a press outside by default', () => {
    const { button, region } = renderDisclosure();
    fireEvent.click(button);
    fireEvent.pointerDown(screen.getByText('Outside'));
    expect(region.hidden).toBe(false);
  });

  it('keeps whether it is open while hidden as a whole', () => {
    const element = (hidden: boolean) => (
      <Disclosure label="Legend" hidden={hidden}>
        {(region) => <ul {...region} data-testid="list" />}
      </Disclosure>
    );
    const { rerender } = render(element(false));
    fireEvent.click(screen.getByRole('button', { name: 'Legend' }));
    rerender(element(true));
    expect(screen.queryByRole('button', { name: 'Legend' })).toBeNull();
    rerender(element(false));
    expect(screen.getByRole('button', { name: 'Legend' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
  });
});
