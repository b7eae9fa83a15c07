// Bundles Leaflet and leaflet.markercluster from node_modules into ../wwwroot/vendor (git-ignored), so the site
// fetches nothing from a CDN at run time. Run by scripts/build-site.
import { build } from 'esbuild';

const outdir = new URL('../wwwroot/vendor/', import.meta.url).pathname;
await build({
  entryPoints: { leaflet: 'map-entry.js', 'leaflet-css': 'map-entry.css' },
  bundle: true, format: 'esm', minify: true, outdir, logLevel: 'warning',
  // Leaflet's CSS names its default marker and layer images; the site draws its own markers, but keep them working.
  loader: { '.png': 'file', '.svg': 'file' },
  assetNames: 'images/[name]',
});
console.log(`build-site: Leaflet bundled into ${outdir}`);
