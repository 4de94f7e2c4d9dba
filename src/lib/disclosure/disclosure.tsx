import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';

export interface DisclosureOptions {
  /** Open at first; a function is read once, when the disclosure mounts. Closed by default. */
  defaultOpen?: boolean | (() => boolean);
  /**
   * For popovers and menus: a press anywhere outside the disclosure closes it. If the focus was in
   * it and the press lands on nothing focusable, the focus goes back to the button.
   */
  closeOnOutsidePress?: boolean;
  /**
   * When this value changes (the window crosses a width, say), the region goes back to
   * `defaultOpen`: what suited the old layout (an open legend on a desktop) may cover the new one.
   */
  resetWith?: unknown;
}

/** What the region's own element takes: the id the button controls, and whether it is hidden. */
interface DisclosureRegionProps {
  id: string;
  hidden: boolean;
}

export interface DisclosureState {
  open: boolean;
  /** Closes without moving the focus (e.g. after a choice in a menu). */
  close: () => void;
  /** For the element around the button and the region: Escape in it closes the region. */
  rootProps: {
    ref: (element: HTMLElement | null) => void;
    onKeyDown: (keyEvent: KeyboardEvent) => void;
  };
  buttonProps: {
    ref: RefObject<HTMLButtonElement | null>;
    type: 'button';
    'aria-expanded': boolean;
    'aria-controls': string;
    onClick: () => void;
  };
  regionProps: DisclosureRegionProps;
}

/**
 * A button that shows and hides a region (the WAI-ARIA disclosure pattern). Escape, with the focus
 * in the button or the region, closes it and puts the focus back on the button; the key goes no
 * further (so it does not also clear whatever the page's own Escape clears).
 */
function useDisclosure({
  defaultOpen = false,
  closeOnOutsidePress = false,
  resetWith,
}: DisclosureOptions = {}): DisclosureState {
  const [open, setOpen] = useState(defaultOpen);
  // Set while rendering, as React advises for state that follows a prop: no extra paint with the
  // old state, and no remount (the focus stays on the button).
  const [resetSeen, setResetSeen] = useState(resetWith);
  if (!Object.is(resetSeen, resetWith)) {
    setResetSeen(resetWith);
    setOpen(typeof defaultOpen === 'function' ? defaultOpen() : defaultOpen);
  }
  const regionId = useId();
  const root = useRef<HTMLElement>(null);
  // A function rather than the ref object: it fits whichever element the caller puts it on.
  const rootRef = useCallback((element: HTMLElement | null) => {
    root.current = element;
  }, []);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(
    function closeOnPressOutside() {
      if (!open || !closeOnOutsidePress) return;
      function onPointerDown(pointerEvent: PointerEvent) {
        const rootElement = root.current;
        if (!rootElement || rootElement.contains(pointerEvent.target as Node)) return;
        const focusWasInside = rootElement.contains(document.activeElement);
        setOpen(false);
        if (!focusWasInside) return;
        // The press goes on to focus what it landed on, if that takes the focus (a field, a
        // button, the map). Otherwise the focus would fall out of the closed region to the page:
        // it goes back to the button that opened it, where a keyboard user left off.
        setTimeout(() => {
          const focused = document.activeElement;
          if (focused === null || focused === document.body || rootElement.contains(focused)) {
            button.current?.focus({ preventScroll: true });
          }
        }, 0);
      }
      // Capturing: a part of the page that stops the event (the map does) still closes the menu.
      document.addEventListener('pointerdown', onPointerDown, true);
      return () => document.removeEventListener('pointerdown', onPointerDown, true);
    },
    [open, closeOnOutsidePress],
  );

  return {
    open,
    close: () => setOpen(false),
    rootProps: {
      ref: rootRef,
      onKeyDown: (keyEvent) => {
        if (keyEvent.key !== 'Escape' || !open || keyEvent.defaultPrevented) return;
        keyEvent.preventDefault();
        setOpen(false);
        button.current?.focus();
      },
    },
    buttonProps: {
      ref: button,
      type: 'button',
      'aria-expanded': open,
      'aria-controls': regionId,
      onClick: () => setOpen(!open),
    },
    regionProps: { id: regionId, hidden: !open },
  };
}

export interface DisclosureProps extends DisclosureOptions {
  /** The element around the button and the region. */
  as?: 'div' | 'aside';
  className?: string;
  'aria-label'?: string;
  buttonClassName?: string;
  /** What the button says. */
  label: ReactNode;
  /** Hides the whole disclosure while keeping whether it is open (e.g. while there is nothing to show). */
  hidden?: boolean;
  /** The region, drawn by the caller: its element takes `region` (id and hidden). */
  children: (region: DisclosureRegionProps, close: () => void) => ReactNode;
}

/** useDisclosure's button and region inside one element. */
export function Disclosure({
  as: Root = 'div',
  className,
  'aria-label': ariaLabel,
  buttonClassName,
  label,
  hidden,
  children,
  ...options
}: DisclosureProps) {
  const { close, rootProps, buttonProps, regionProps } = useDisclosure(options);
  return (
    <Root className={className} aria-label={ariaLabel} hidden={hidden} {...rootProps}>
      <button className={buttonClassName} {...buttonProps}>
        {label}
      </button>
      {children(regionProps, close)}
    </Root>
  );
}
