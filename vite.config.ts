/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import type { Plugin } from 'vite';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';

/**
 * index.html carries a strict Content-Security-Policy for the built app. The dev server needs an
 * inline script (React refresh) and a WebSocket (hot reload), so it relaxes the policy there only.
 */
function devCsp(): Plugin {
  return {
    name: 'portolan-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: wss:"),
  };
}

/**
 * Offline: writes the service worker (src/app/offline/service-worker.js) into the build as /sw.js,
 * with every file of the build to cache and a version named after them (a hash of the hashed file
 * names and of index.html). A new build is a new version, which the browser sees as a changed
 * sw.js and installs beside the old one.
 */
function offline(): Plugin {
  return {
    name: 'portolan-offline',
    apply: 'build',
    // After the files are written: the list is what is on disk (a chunk can be dropped late).
    writeBundle(options) {
      const dir = options.dir ?? 'dist';
      const walk = (sub: string): string[] =>
        readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((e) =>
          e.isDirectory() ? walk(join(sub, e.name)) : [join(sub, e.name)],
        );
      const written = walk('')
        .map((f) => f.split(sep).join('/'))
        .filter((f) => !f.startsWith('.vite/') && !f.endsWith('.map') && f !== 'sw.js' && f !== 'index.html')
        .sort();
      const files = ['/', ...written.map((f) => `/${f}`)];
      const version = createHash('sha256')
        .update(files.join('\n'))
        .update(readFileSync(join(dir, 'index.html')))
        .digest('hex')
        .slice(0, 16);
      const source = readFileSync('src/app/offline/service-worker.js', 'utf8').replace(
        'self.__PORTOLAN_PRECACHE__',
        JSON.stringify({ version, files }),
      );
      writeFileSync(join(dir, 'sw.js'), source);
    },
  };
}

/**
 * The code-splitting rule, in this one place. Every module under src/ goes into the one `app` chunk
 * that each page load needs (one request, no cascade of small shared chunks), except the modules
 * listed here, which load when first used, in chunks of their own: the plan validator, the
 * exporters, the share codec, the PDF (and its font), the example plans, the dialogs people open
 * rarely, and the side panel's details (loaded while the page is idle). Why: the first load stays
 * within its budget (`npm run bench`: initial JS + CSS ≤ 165 KB gzip) however many formats and
 * features are added.
 *
 * To make a new module load on demand: reach it only through `import()` (a static import from the
 * app chunk would load it at once) and add its path here. ARCHITECTURE.md has the recipe.
 */
const ON_DEMAND = [
  // The rules' explanations, and the warnings with the device paths they check (see loadWarnings).
  /\/src\/domain\/engine\/(explain|derive|warnings|paths)\./,
  /\/src\/domain\/plan\/(restore|schema|migrate|examples|address|groupNames|objectPrefix)\./,
  /\/src\/domain\/edit\/(decisions|firewalls|paste)\./,
  // What a zone change did, in words; firewall device cards (loaded when a plan first has one);
  // the stacked view's arrows (with the grouping code, when "Group similar hosts" is first on).
  // The arrows of a very large plan, drawn together (BundledLayer and BundledFlows). The arrows
  // themselves (FlowEdge, fetched at start beside the panels, drawn after the cards), the zoom
  // controls, the keyboard's walk of the canvas and its context menu.
  /\/src\/app\/canvas\/(zoneNewsWords|FirewallNode|stackView|BundledLayer|BundledFlows|EmptyCanvas|CanvasControls|keyboardNav|FlowEdge|ContextMenu)\./,
  // Commands of the panels' fields, decisions and devices: registered by what uses them as it loads.
  /\/src\/app\/commands\/(decisions|fields|firewall|versionNews|inventory|clipboard|help|find|stacks)\./,
  // The rules' words (explanations, conditions, notes): the details, the CSV and the PDF read them.
  /\/src\/domain\/catalog\/texts\./,
  /\/src\/domain\/export\/(csv|groupedCsv|planFile|rows|registry)\./,
  // Firewall configurations, one module per target.
  /\/src\/domain\/export\/firewall\//,
  // Upgrade comparison: loaded when a plan compares two versions (see loadUpgrade in the store).
  /\/src\/domain\/upgrade\/(advisories|delta)\./,
  // Grouping runs only for the grouped exports and views.
  /\/src\/domain\/grouping\//,
  /\/src\/domain\/export\/pdf[./]/,
  /\/src\/domain\/share\/codec\./,
  /\/src\/app\/dialogs\//,
  // The side panel's details, every part of them.
  /\/src\/app\/components\/details\//,
  /\/src\/app\/components\/(panels|Palette|BottomPanel|FlowTable|GroupedRules|WarningList|SidePanel|Notices|ExclusionForm|ConfirmDialog|DialogHost|SaveStatusLine|TablesSplitter|MenuList)\./,
  /\/src\/app\/components\/tabs\./,
  /\/src\/app\/workers\/(layout|export)\//,
  // Arranging an opened plan (a file or a link) loads with the plan; links load when used.
  /\/src\/app\/io\/(arrange|share|exportRun|exportFormats|openFile)\./,
  /\/src\/app\/persistence\/(savedPlan|tabConflict)\./,
  // The diagram scene (routing) runs in the canvas's routing worker and in the exports; zone
  // membership and arrow geometry are for every edit, so they stay in the app chunk.
  /\/src\/domain\/diagram\/(?!membership\.|geometry\.|index\.)/,
  /\/src\/domain\/export\/(diagramSvg|diagramScene|diagramCanvas|diagramLegend)\./,
  // "Import hosts": the inventory reader loads with its dialog.
  /\/src\/domain\/inventory\//,
  /\/src\/app\/io\/png\./,
  // The service worker's installer: started once the page is idle.
  /\/src\/app\/offline\//,
  // Printing: the full rule tables and the diagram fitted to the page, made when printing starts.
  /\/src\/app\/print\//,
];
const slashes = (id: string) => id.replace(/\\/g, '/');
const isOnDemand = (id: string) => ON_DEMAND.some((pattern) => pattern.test(slashes(id)));

export default defineConfig({
  plugins: [react(), tailwindcss(), devCsp(), offline()],
  // Module workers, so the export worker loads each format's code (and the PDF's font) only
  // when that format is first built, as the page does.
  worker: { format: 'es' },
  resolve: {
    alias: [
      // React 19 has useSyncExternalStore built in; the shim (pulled in by React Flow's zustand 4)
      // would only hand it back. The selector variant without the shim is the same code.
      {
        find: /^use-sync-external-store\/shim\/with-selector(\.js)?$/,
        replacement: 'use-sync-external-store/with-selector.js',
      },
    ],
  },
  build: {
    target: 'es2022',
    // Tailwind 4 needs Chrome 111, Safari 16.4, Firefox 128 or later, which all read oklch()
    // colours and range media queries: no hex or lab() fallbacks for older browsers.
    cssTarget: ['chrome111', 'edge111', 'firefox128', 'safari16.4'],
    sourcemap: false,
    // Chunks load when a feature is first used; preloading them would only add to the first load.
    modulePreload: false,
    // Lets the bundle benchmark follow the entry's static imports.
    manifest: true,
    // The PDF's Unicode font (export/pdf/fontData.ts, ~1.9 MB) is one chunk by design, fetched only
    // when a change request holds text beyond Windows-1252; every other chunk is far below this.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // Keep what every page load needs in one chunk instead of many small shared ones; the
        // validator, the exporters and the PDF library stay in their own on-demand chunks.
        codeSplitting: {
          groups: [{ name: 'app', test: (id) => /\/src\//.test(slashes(id)) && !isOnDemand(id) }],
        },
      },
    },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
