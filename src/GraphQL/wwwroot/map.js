// Leaflet for the site's maps, bundled from npm by scripts/build-site into vendor/ (no CDN at run time).
// Tiles come from a configurable URL template (/site-config.json, default OpenStreetMap's standard tiles with
// their attribution); markers come from the API, so a map without tiles still shows every case.

import { loadProvince } from './i18n.js';

let leaflet = null;
let config = null;

/** The province's bounding box, as the server checks it (Province:Bounds, sent in /site-config.json); Huế's until then. */
export const PROVINCE = { minLat: 15.95, maxLat: 16.80, minLon: 107.00, maxLon: 108.30 };
loadProvince().then((c) => { if (c?.province?.bounds) Object.assign(PROVINCE, c.province.bounds); });
export const HUE = [16.4637, 107.5909];

export const inProvince = (lat, lon) =>
  lat >= PROVINCE.minLat && lat <= PROVINCE.maxLat && lon >= PROVINCE.minLon && lon <= PROVINCE.maxLon;

export async function loadLeaflet() {
  if (!leaflet) {
    if (!document.querySelector('link[data-leaflet]')) {
      document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/vendor/leaflet-css.css' }));
      document.head.lastElementChild.dataset.leaflet = '';
    }
    leaflet = (await import('./vendor/leaflet.js')).default;
  }
  if (!config) {
    try {
      config = await loadProvince();
    } catch {
      config = {};
    }
  }
  return leaflet;
}

/** A map in the element, with the configured tiles. */
export function newMap(L, element, { center = HUE, zoom = 13 } = {}) {
  const map = L.map(element, { center, zoom, maxBounds: [[PROVINCE.minLat - 0.2, PROVINCE.minLon - 0.2], [PROVINCE.maxLat + 0.2, PROVINCE.maxLon + 0.2]] });
  L.tileLayer(config?.tileUrl ?? 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
    maxZoom: 19,
    attribution: config?.tileAttribution ?? '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
  }).addTo(map);
  return map;
}

/** A small dot in the colour of a public status. */
export function statusIcon(L, status, extra = '') {
  return L.divIcon({ className: `case-marker status-${status.toLowerCase()} ${extra}`, iconSize: [16, 16], html: '' });
}
