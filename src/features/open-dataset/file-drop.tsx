import { DropOverlay } from './drop-overlay.tsx';
import { useFileDrop } from './use-file-drop.ts';

/** Files dropped anywhere on the page open as the dataset; the overlay says so while they hover. */
export function FileDrop({ onFiles }: { onFiles: (files: File[]) => void }) {
  const dragging = useFileDrop(onFiles);
  return dragging ? <DropOverlay /> : null;
}
