import { useEffect, useRef, type RefObject } from 'react';

export interface ModalDialogCallbacks {
  /** Once it is open and the page behind is inert: where the focus goes. */
  opened?: () => void;
  /** Once it has closed and the page is no longer inert: where the focus goes back to. */
  closed: () => void;
}

/**
 * A <dialog> mounted only while open, as a modal: `showModal` on mount, `close` on unmount, so
 * opening and closing are React's state, not the browser's. The latest callbacks are called.
 */
export function useModalDialog(
  dialogRef: RefObject<HTMLDialogElement | null>,
  callbacks: ModalDialogCallbacks,
): void {
  const latest = useRef(callbacks);
  useEffect(() => {
    latest.current = callbacks;
  });
  useEffect(
    function openAsModal() {
      const dialog = dialogRef.current;
      if (!dialog) return;
      if (!dialog.open) dialog.showModal();
      latest.current.opened?.();
      return () => {
        dialog.close();
        latest.current.closed();
      };
    },
    [dialogRef],
  );
}
