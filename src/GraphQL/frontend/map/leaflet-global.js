// leaflet.markercluster is a plugin written for a global L: give it one before it loads (imports run in order).
import L from 'leaflet';

globalThis.L = L;
export default L;
