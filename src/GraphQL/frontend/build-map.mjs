// Bundles Leaflet and leaflet.markercluster from node_modules into ../wwwroot/vendor (git-ignored), so the site
// fetches nothing from a CDN at run time. Run by scripts/frontend.
import { build } from 'esbuild';

const outdir = new URL('../wwwroot/vendor/', import.meta.url).pathname;
await build({
  entryPoints: { leaflet: new URL('map/map-entry.js', import.meta.url).pathname, 'leaflet-css': new URL('map/map-entry.css', import.meta.url).pathname },
  bundle: true, format: 'esm', minify: true, outdir, logLevel: 'warning',
  // Leaflet's CSS names its default marker and layer images; the site draws its own markers, but keep them working.
  loader: { '.png': 'file', '.svg': 'file' },
  assetNames: 'images/[name]',
});
console.log(`build-map: Leaflet -> ${outdir}`);
