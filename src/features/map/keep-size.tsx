import { useEffect } from 'react';
import { useMap } from 'react-leaflet';

/**
 * Leaflet measures its container only when the window resizes; a panel opening beside the map
 * (the story editor) resizes the container alone. Without this the map would draw for the old
 * width and its edge would stay blank.
 */
export function KeepSize() {
  const map = useMap();
  useEffect(
    function followContainerSize() {
      const observer = new ResizeObserver(() => map.invalidateSize({ pan: false }));
      observer.observe(map.getContainer());
      return () => observer.disconnect();
    },
    [map],
  );
  return null;
}
