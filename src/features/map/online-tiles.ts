/**
 * The optional online street map, offered in a small layers control of our own (Leaflet's is cut
 * from the first load: vite.config.ts, UNUSED_LEAFLET_PARTS). It arrives with the place names,
 * once the map's first drawing is shown and the page is idle (basemap-layer.tsx): most readers
 * never switch it on, and the first load carries neither the control nor the tile layer.
 *
 * It keeps Leaflet's look (its classes and icon) and its ways in: the "Layers" button opens the
 * list, and the list closes when the pointer or the focus leaves it, or on Escape.
 */
import * as L from 'leaflet';
import { i18n } from '../../lib/i18n/i18n.ts';
import { tileSource } from './tile-source.ts';

/** Adds the control at the top right; gives back what removes it. */
export function offerOnlineTiles(map: L.Map): () => void {
  const tiles = tileSource();
  if (!tiles) return () => {};
  const layer = L.tileLayer(tiles.url, {
    attribution: tiles.attribution,
    maxZoom: 19,
    crossOrigin: '',
  });

  const container = L.DomUtil.create('div', 'leaflet-control-layers');
  const toggle = L.DomUtil.create('button', 'leaflet-control-layers-toggle', container);
  toggle.type = 'button';
  toggle.title = i18n._('Layers');
  toggle.setAttribute('aria-expanded', 'false');
  const list = L.DomUtil.create('div', 'leaflet-control-layers-list', container);
  const label = L.DomUtil.create('label', 'leaflet-control-layers-choice', list);
  const checkbox = L.DomUtil.create('input', 'leaflet-control-layers-selector', label);
  checkbox.type = 'checkbox';
  L.DomUtil.create('span', '', label).textContent = i18n._('Street map tiles (online)');

  const setExpanded = (expanded: boolean) => {
    container.classList.toggle('leaflet-control-layers-expanded', expanded);
    toggle.setAttribute('aria-expanded', String(expanded));
  };
  toggle.addEventListener('click', () => {
    setExpanded(true);
    checkbox.focus();
  });
  container.addEventListener('keydown', (keyEvent) => {
    if (
      keyEvent.key !== 'Escape' ||
      !container.classList.contains('leaflet-control-layers-expanded')
    )
      return;
    // Closing the list is all Escape does here: the page's own Escape (clear the selection) waits.
    keyEvent.stopPropagation();
    setExpanded(false);
    toggle.focus();
  });
  container.addEventListener('focusout', (focusEvent) => {
    if (!(focusEvent.relatedTarget instanceof Node && container.contains(focusEvent.relatedTarget)))
      setExpanded(false);
  });
  container.addEventListener('mouseleave', () => {
    if (!container.contains(document.activeElement)) setExpanded(false);
  });
  checkbox.addEventListener('change', () => {
    if (checkbox.checked) layer.addTo(map);
    else layer.remove();
  });
  L.DomEvent.disableClickPropagation(container);
  L.DomEvent.disableScrollPropagation(container);

  const control = new L.Control({ position: 'topright' });
  control.onAdd = () => container;
  control.addTo(map);
  return () => {
    control.remove();
    layer.remove();
  };
}
