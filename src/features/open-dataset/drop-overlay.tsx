import { i18n } from '../../lib/i18n/i18n.ts';
import './open-dataset.css';

/** Shown while files are dragged over the page: where they will go, and that they stay local. */
export function DropOverlay() {
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-card">
        <p className="drop-overlay-title">{i18n._('Drop to open the dataset')}</p>
        <p>
          {i18n._('CSV, GeoJSON or JSON. The file stays in this browser; nothing is uploaded.')}
        </p>
      </div>
    </div>
  );
}
