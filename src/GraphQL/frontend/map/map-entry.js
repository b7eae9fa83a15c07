// What the site's map pages import from wwwroot/vendor/leaflet.js: Leaflet with MarkerClusterGroup on it.
import L from './leaflet-global.js';
import 'leaflet.markercluster';

export default L;
