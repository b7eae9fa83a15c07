// Build step: bundles the GraphiQL explorer (explorer/) with esbuild into ../wwwroot/build/explorer (git-ignored):
// the page, one script and one stylesheet (with Monaco's font), and Monaco's three workers (editor, JSON, GraphQL).
// Nothing is fetched from a CDN at run time. Run by scripts/frontend after `npm ci` here.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../wwwroot/build/explorer');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const common = {
  bundle: true,
  minify: true,
  legalComments: 'none',
  target: 'es2022',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
  // Bare entry points (Monaco's workers) resolve from this folder's node_modules, wherever the build is started.
  absWorkingDir: here,
};

await esbuild.build({
  ...common,
  entryPoints: { explorer: path.join(here, 'explorer/main.jsx') },
  outdir: out,
  format: 'esm',
  jsx: 'automatic',
  loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'dataurl' },
  assetNames: '[name]-[hash]',
});

await esbuild.build({
  ...common,
  entryPoints: {
    'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
    'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
    'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
  },
  outdir: out,
  format: 'iife',
});

copyFileSync(path.join(here, 'explorer/index.html'), path.join(out, 'index.html'));
console.log(`build-explorer: GraphiQL -> ${path.relative(process.cwd(), out)}`);
