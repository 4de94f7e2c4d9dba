import { useEffect, useState } from 'react';

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * Dropping files anywhere on the page opens them (not where `onFiles` is null: the embed reads only). Returns whether files are being dragged over the
 * page, for an overlay that says what a drop will do.
 */
export function useFileDrop(onFiles: ((files: File[]) => void) | null): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(
    function listenForDroppedFiles() {
      if (onFiles === null) return;
      // dragenter/dragleave fire for every child crossed: a counter tells when the page is left.
      let depth = 0;
      const enter = (event: DragEvent) => {
        if (!carriesFiles(event)) return;
        depth += 1;
        setDragging(true);
      };
      const leave = (event: DragEvent) => {
        if (!carriesFiles(event)) return;
        depth = Math.max(0, depth - 1);
        if (depth === 0) setDragging(false);
      };
      const over = (event: DragEvent) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      };
      const drop = (event: DragEvent) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        depth = 0;
        setDragging(false);
        const files = [...(event.dataTransfer?.files ?? [])];
        if (files.length > 0) onFiles(files);
      };
      window.addEventListener('dragenter', enter);
      window.addEventListener('dragleave', leave);
      window.addEventListener('dragover', over);
      window.addEventListener('drop', drop);
      return function stopListeningForDroppedFiles() {
        window.removeEventListener('dragenter', enter);
        window.removeEventListener('dragleave', leave);
        window.removeEventListener('dragover', over);
        window.removeEventListener('drop', drop);
      };
    },
    [onFiles],
  );
  return dragging;
}
