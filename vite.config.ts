import { defineConfig } from 'vite';

// The page lives in ui/; compute runs in module Web Workers (worker/browser). The built page
// makes no request outside its own origin: no fonts, scripts or tiles from elsewhere.
export default defineConfig({
  root: 'ui',
  base: './',
  publicDir: false,
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
  server: { port: 5173, fs: { allow: ['..'] } },
  preview: { port: 4173 },
});
