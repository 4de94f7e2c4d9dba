import { useCallback, useEffect, useRef, useState, type PointerEvent, type RefObject } from 'react';

/**
 * Where the dragged step belongs among the others: before the first whose middle lies below the
 * pointer. `middles` are the other steps' vertical middles, top to bottom.
 */
export function dropIndex(pointerY: number, middles: readonly number[]): number {
  const below = middles.findIndex((middle) => pointerY < middle);
  return below === -1 ? middles.length : below;
}

interface Drag {
  key: number;
  pointerId: number;
}

/**
 * Reordering by dragging a step's handle, with a mouse, a pen or a finger (pointer events; the
 * handle has `touch-action: none`, so a finger drags instead of scrolling). The list reorders as
 * the pointer passes a neighbour's middle, so what is seen is where the step will stay. Listens on
 * the window: a step moved in the page may lose the pointer's capture.
 */
export function useStepDrag(
  listRef: RefObject<HTMLOListElement | null>,
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
      const onPointerMove = (moveEvent: globalThis.PointerEvent) => {
        if (moveEvent.pointerId !== dragging.pointerId) return;
        const items = [...(listRef.current?.children ?? [])] as HTMLElement[];
        const middles = items
          .filter((item) => item.dataset.stepKey !== String(dragging.key))
          .map((item) => {
            const box = item.getBoundingClientRect();
            return box.top + box.height / 2;
          });
        const target = dropIndex(moveEvent.clientY, middles);
        if (latest.current.keys.indexOf(dragging.key) !== target)
          latest.current.onMove(dragging.key, target);
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
        window.removeEventListener('pointermove', onPointerMove);
        window.removeEventListener('pointerup', onPointerEnd);
        window.removeEventListener('pointercancel', onPointerEnd);
      };
    },
    [dragging, listRef],
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
