import { useId, useRef, type ReactNode } from 'react';
import { i18n } from '../../lib/i18n/i18n.ts';
import { useModalDialog } from '../../lib/sheet/use-modal-dialog.ts';
import '../../lib/sheet/bottom-sheet.css';
import './filters.css';

export interface FiltersSheetProps {
  /** Called by Done, Escape and a press on the backdrop; the sheet is gone once it returns. */
  onClose: () => void;
  /** "Showing 4 of 6 events": the page's status line is behind the sheet, out of reach. */
  summary: string;
  /** Resets every filter; null while none is set. */
  onReset: (() => void) | null;
  /** Where the focus goes as the sheet opens: the search for "/", else the sheet's heading. */
  focusOnOpen: () => HTMLElement | null;
  /** Where the focus goes once it has closed (the Filters button): the page is inert until then. */
  focusOnClose: () => HTMLElement | null;
  children: ReactNode;
}

/**
 * On a phone the filters sit behind one button, in this sheet: a native modal dialog, so the
 * page behind is inert and the focus stays inside. Mounted only while open (the app loads it on
 * first use), so opening is `showModal` on mount and closing is unmounting.
 */
export function FiltersSheet({
  onClose,
  summary,
  onReset,
  focusOnOpen,
  focusOnClose,
  children,
}: FiltersSheetProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  useModalDialog(dialogRef, {
    opened: () => (focusOnOpen() ?? headingRef.current)?.focus(),
    closed: () => focusOnClose()?.focus(),
  });
  return (
    <dialog
      ref={dialogRef}
      className="bottom-sheet filters-sheet"
      aria-labelledby={headingId}
      onCancel={(cancelEvent) => {
        // Closed by React's state, not by the browser: the sheet unmounts.
        cancelEvent.preventDefault();
        onClose();
      }}
      onKeyDown={(keyEvent) => {
        // Handled here so that the page's own Escape (clear the selection) does not run too; a
        // search field with text takes the first Escape to clear itself.
        if (keyEvent.key === 'Escape' && !keyEvent.defaultPrevented) {
          keyEvent.preventDefault();
          onClose();
        }
      }}
      onClick={(clickEvent) => {
        // A press on the backdrop lands on the dialog itself, outside its box.
        if (clickEvent.target === dialogRef.current) onClose();
      }}
    >
      <div className="bottom-sheet-header">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {i18n._('Filters')}
        </h2>
        <button type="button" className="button button-primary" onClick={onClose}>
          {i18n._('Done')}
        </button>
      </div>
      <div className="bottom-sheet-body filters-sheet-body">{children}</div>
      <div className="bottom-sheet-footer filters-sheet-footer">
        <p aria-live="polite">{summary}</p>
        {onReset && (
          <button type="button" className="button" onClick={onReset}>
            {i18n._('Reset filters')}
          </button>
        )}
      </div>
    </dialog>
  );
}
