import type { DatasetEvent } from '../../data/schema.ts';
import { ChronologyEntry } from './chronology-entry.tsx';

export interface ChronologyProps {
  events: DatasetEvent[];
}

export function Chronology({ events }: ChronologyProps) {
  return (
    <ol className="chronology" aria-label="Chronology">
      {events.map((event) => (
        <li key={event.id} className="chronology-item">
          <ChronologyEntry event={event} />
        </li>
      ))}
    </ol>
  );
}
