import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by smo serve at /ui; `npm run dev` proxies the API to a server on 127.0.0.1:8000.
export default defineConfig({
  base: '/ui/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    // no inline scripts or data: URLs: the server's Content-Security-Policy is default-src 'self'
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  worker: { format: 'es' },
  server: {
    proxy: Object.fromEntries(
      ['/project', '/graphs', '/clusters', '/plan', '/alerts', '/health'].map((p) => [p, 'http://127.0.0.1:8000']),
    ),
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
  },
});
