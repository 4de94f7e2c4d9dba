import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import type { GeoBounds } from '../../data/query/selectors.ts';

export interface ReportViewProps {
  /** Told the map's bounds after each move; null while nobody needs them (no re-render per pan). */
  onViewChange: ((bounds: GeoBounds) => void) | null;
}

/** Tells the app what the map shows, for "Only events in map view". */
export function ReportView({ onViewChange }: ReportViewProps) {
  const map = useMap();
  useEffect(
    function reportMoves() {
      if (!onViewChange) return undefined;
      const report = () => {
        const bounds = map.getBounds();
        onViewChange({
          west: bounds.getWest(),
          south: bounds.getSouth(),
          east: bounds.getEast(),
          north: bounds.getNorth(),
        });
      };
      map.on('moveend', report);
      report();
      return () => {
        map.off('moveend', report);
      };
    },
    [map, onViewChange],
  );
  return null;
}
