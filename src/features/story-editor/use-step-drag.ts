import { useCallback, useEffect, useRef, useState, type PointerEvent, type RefObject } from 'react';

/**
 * Where the dragged step belongs among the others: before the first whose middle lies below the
 * pointer. `middles` are the other steps' vertical middles, top to bottom.
 */
export function dropIndex(pointerY: number, middles: readonly number[]): number {
  const below = middles.findIndex((middle) => pointerY < middle);
  return below === -1 ? middles.length : below;
}

/** How near the scrolled box's top or bottom edge the pointer scrolls it, and how fast. */
const EDGE_PX = 48;
const SCROLL_PX_PER_FRAME = 12;

/**
 * How far to scroll the box this frame: up near its top, down near its bottom, faster the nearer
 * the edge (or past it); 0 elsewhere.
 */
export function edgeScroll(pointerY: number, top: number, bottom: number): number {
  const share = (distance: number) => Math.min(1, (EDGE_PX - distance) / EDGE_PX);
  if (pointerY < top + EDGE_PX) return -Math.ceil(SCROLL_PX_PER_FRAME * share(pointerY - top));
  if (pointerY > bottom - EDGE_PX) return Math.ceil(SCROLL_PX_PER_FRAME * share(bottom - pointerY));
  return 0;
}

interface Drag {
  key: number;
  pointerId: number;
}

/**
 * Reordering by dragging a step's handle, with a mouse, a pen or a finger (pointer events; the
 * handle has `touch-action: none`, so a finger drags instead of scrolling the page). The list
 * reorders as the pointer passes a neighbour's middle, so what is seen is where the step will
 * stay; held near the top or bottom of the scrolled box, the box scrolls. Listens on the window:
 * a step moved in the page may lose the pointer's capture.
 */
export function useStepDrag(
  listRef: RefObject<HTMLOListElement | null>,
  scrollRef: RefObject<HTMLElement | null>,
  keys: readonly number[],
  onMove: (key: number, to: number) => void,
  onDrop: (key: number) => void,
) {
  const [dragging, setDragging] = useState<Drag | null>(null);
  const latest = useRef({ keys, onMove, onDrop });
  useEffect(() => {
    latest.current = { keys, onMove, onDrop };
  });

  useEffect(
    function followPointer() {
      if (!dragging) return undefined;
      let pointerY: number | null = null;
      const place = () => {
        if (pointerY === null) return;
        const items = [...(listRef.current?.children ?? [])] as HTMLElement[];
        const middles = items
          .filter((item) => item.dataset.stepKey !== String(dragging.key))
          .map((item) => {
            const box = item.getBoundingClientRect();
            return box.top + box.height / 2;
          });
        const target = dropIndex(pointerY, middles);
        if (latest.current.keys.indexOf(dragging.key) !== target)
          latest.current.onMove(dragging.key, target);
      };
      let frame = 0;
      const scrollNearEdges = () => {
        const box = scrollRef.current;
        if (box && pointerY !== null) {
          const { top, bottom } = box.getBoundingClientRect();
          const by = edgeScroll(pointerY, top, bottom);
          if (by !== 0) {
            box.scrollTop += by;
            place();
          }
        }
        frame = requestAnimationFrame(scrollNearEdges);
      };
      frame = requestAnimationFrame(scrollNearEdges);
      const onPointerMove = (moveEvent: globalThis.PointerEvent) => {
        if (moveEvent.pointerId !== dragging.pointerId) return;
        pointerY = moveEvent.clientY;
        place();
      };
      const onPointerEnd = (endEvent: globalThis.PointerEvent) => {
        if (endEvent.pointerId !== dragging.pointerId) return;
        setDragging(null);
        latest.current.onDrop(dragging.key);
      };
      window.addEventListener('pointermove', onPointerMove);
      window.addEventListener('pointerup', onPointerEnd);
      window.addEventListener('pointercancel', onPointerEnd);
      return () => {
        cancelAnimationFrame(frame);
        window.removeEventListener('pointermove', onPointerMove);
        window.removeEventListener('pointerup', onPointerEnd);
        window.removeEventListener('pointercancel', onPointerEnd);
      };
    },
    [dragging, listRef, scrollRef],
  );

  const handleProps = useCallback(
    (key: number) => ({
      onPointerDown: (downEvent: PointerEvent<HTMLElement>) => {
        if (downEvent.button !== 0) return;
        downEvent.preventDefault();
        setDragging({ key, pointerId: downEvent.pointerId });
      },
    }),
    [],
  );
  return { draggingKey: dragging?.key ?? null, handleProps };
}
