import { useEffect, useMemo, useRef, type RefObject } from 'react';
import {
  isFromParent,
  nextResize,
  parentOriginOf,
  readSelectMessage,
  targetOriginFor,
  type ResizeMessage,
  type SelectMessage,
} from './embed-messages.ts';

/**
 * The embed's messages to and from the page around its frame (docs/embedding.md). Outside a frame
 * (the embed address opened on its own) it does nothing: no listener, no messages.
 *
 * The height sent is the content's own, which does not depend on the frame's height (embed.css),
 * so a parent that sizes the frame to it settles after one message instead of looping.
 */
export function useEmbedMessages(
  root: RefObject<HTMLElement | null>,
  selectedId: string | null,
  onSelect: (id: string | null) => void,
): void {
  const parent = window.parent === window ? null : window.parent;
  const parentOrigin = useMemo(
    () =>
      parentOriginOf({
        ancestorOrigins: window.location.ancestorOrigins,
        referrer: document.referrer,
      }),
    [],
  );
  const targetOrigin = targetOriginFor(parentOrigin);

  useEffect(
    function sendContentHeight() {
      const element = root.current;
      if (!parent || !element) return;
      let lastSent: number | null = null;
      const observer = new ResizeObserver(() => {
        const message: ResizeMessage | null = nextResize(
          element.getBoundingClientRect().height,
          lastSent,
        );
        if (!message) return;
        lastSent = message.height;
        parent.postMessage(message, targetOrigin);
      });
      observer.observe(element);
      return () => observer.disconnect();
    },
    [root, parent, targetOrigin],
  );

  useEffect(
    function sendSelection() {
      if (!parent) return;
      const message: SelectMessage = { type: 'dateline:select', id: selectedId };
      parent.postMessage(message, targetOrigin);
    },
    [parent, targetOrigin, selectedId],
  );

  // Read through a ref: a new callback on each render must not drop and add the listener.
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);

  useEffect(
    function acceptSelectionFromParent() {
      if (!parent || parentOrigin === null) return;
      function onMessage(messageEvent: MessageEvent) {
        if (!isFromParent(messageEvent, parent, parentOrigin)) return;
        const message = readSelectMessage(messageEvent.data);
        if (message) onSelectRef.current(message.id);
      }
      window.addEventListener('message', onMessage);
      return () => window.removeEventListener('message', onMessage);
    },
    [parent, parentOrigin],
  );
}
