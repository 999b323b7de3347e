/**
 * Builds the staff web app from web/ into dist/web, which the server serves (server/app.ts serveWeb).
 * In development Vite serves the app on :5173 and forwards API calls to the server on :3000.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const API_ORIGIN = 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': API_ORIGIN, '/healthz': API_ORIGIN },
  },
});
