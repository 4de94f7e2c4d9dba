import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { GeoBounds } from '../../data/selectors.ts';

export interface ReportViewProps {
  onViewChange: (bounds: GeoBounds) => void;
}

/** Tells the app what the map shows after each move, for "Only events in map view". */
export function ReportView({ onViewChange }: ReportViewProps) {
  const map = useMap();
  const onViewChangeRef = useRef(onViewChange);
  useEffect(() => {
    onViewChangeRef.current = onViewChange;
  });
  useEffect(
    function reportMoves() {
      function report() {
        const bounds = map.getBounds();
        onViewChangeRef.current({
          west: bounds.getWest(),
          south: bounds.getSouth(),
          east: bounds.getEast(),
          north: bounds.getNorth(),
        });
      }
      map.on('moveend', report);
      report();
      return () => {
        map.off('moveend', report);
      };
    },
    [map],
  );
  return null;
}
