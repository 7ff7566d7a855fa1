import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const apiOrigin = process.env.PAIRBOARD_API_ORIGIN ?? 'http://127.0.0.1:3000';

const FONT_TYPES: Record<string, string> = {
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

/**
 * Excalidraw loads its fonts from `${window.EXCALIDRAW_ASSET_PATH}fonts/…` and falls back to a
 * public CDN. The package's own fonts are served at /fonts (dev) and copied into the build output,
 * so the board never leaves the origin. The package's package.json is not exported: its main entry
 * (dist/prod/index.js) is resolved instead.
 */
function excalidrawFonts(): Plugin {
  const fontsDir = join(dirname(createRequire(import.meta.url).resolve('@excalidraw/excalidraw')), 'fonts');
  let outDir = '';
  return {
    name: 'pairboard:excalidraw-fonts',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use('/fonts', (request, response, next) => {
        const path = decodeURIComponent((request.url ?? '/').split('?')[0]);
        const file = normalize(join(fontsDir, path));
        if (!file.startsWith(fontsDir + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
        response.setHeader('Content-Type', FONT_TYPES[extname(file)] ?? 'application/octet-stream');
        createReadStream(file).pipe(response);
      });
    },
    closeBundle() {
      if (!outDir || !existsSync(fontsDir)) return;
      cpSync(fontsDir, join(outDir, 'fonts'), { recursive: true });
    },
  };
}

/** Excalidraw's CDN base for fonts: `https://esm.sh/${PKG_NAME ? `${PKG_NAME}@${PKG_VERSION}` : "…"}/dist/prod/`. */
const EXCALIDRAW_CDN_BASE = /`https:\/\/esm\.sh\/\$\{[^`]*`[^`]*`[^`}]*\}\/dist\/prod\/`/g;

/**
 * Excalidraw lists a CDN copy after EXCALIDRAW_ASSET_PATH in every font's `src`. The CDN is never
 * needed (the fonts are served here), and with `font-src 'self'` Chrome still reports a blocked
 * request for it, so the build points that fallback at the app's own origin as well. The build
 * fails if a new Excalidraw version no longer has the expected code, rather than quietly using
 * the CDN again.
 */
function excalidrawWithoutCdn(): Plugin {
  let rewritten = 0;
  return {
    name: 'pairboard:excalidraw-without-cdn',
    apply: 'build',
    transform(code, id) {
      if (!id.includes('@excalidraw/excalidraw/dist/') || !code.includes('https://esm.sh/')) return null;
      const next = code.replace(EXCALIDRAW_CDN_BASE, () => {
        rewritten += 1;
        return '`${window.location.origin}/`';
      });
      if (next.includes('https://esm.sh/')) this.error(`Excalidraw still refers to esm.sh in ${id}`);
      return { code: next, map: null };
    },
    buildEnd() {
      if (rewritten === 0) this.error('Excalidraw\'s CDN font fallback was not found: check the Excalidraw upgrade');
    },
  };
}

export default defineConfig({
  root: fromHere('.'),
  cacheDir: fromHere('../../node_modules/.vite/web'),
  plugins: [react(), excalidrawFonts(), excalidrawWithoutCdn()],
  resolve: {
    alias: {
      '@pairboard/contracts': fromHere('../../libs/contracts/src/index.ts'),
      '@pairboard/board-binding': fromHere('../../libs/board-binding/src/index.ts'),
      '@pairboard/board-protocol': fromHere('../../libs/board-protocol/src/index.ts'),
      '@pairboard/interview-content': fromHere('../../libs/interview-content/src/index.ts'),
      '@pairboard/interview-domain': fromHere('../../libs/interview-domain/src/index.ts'),
    },
    // Two copies of yjs in one page silently break documents.
    dedupe: ['yjs'],
  },
  server: {
    host: '127.0.0.1',
    port: 4200,
    strictPort: true,
    proxy: {
      '/api': { target: apiOrigin },
      '/socket.io': { target: apiOrigin, ws: true },
      '/yjs': { target: apiOrigin, ws: true },
    },
  },
  preview: { host: '127.0.0.1', port: 4300 },
  build: {
    outDir: fromHere('../../dist/web'),
    emptyOutDir: true,
    sourcemap: true,
  },
});
