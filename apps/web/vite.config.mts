import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const apiOrigin = process.env.PAIRBOARD_API_ORIGIN ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: fromHere('.'),
  cacheDir: fromHere('../../node_modules/.vite/web'),
  plugins: [react()],
  resolve: {
    alias: { '@pairboard/contracts': fromHere('../../libs/contracts/src/index.ts') },
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
