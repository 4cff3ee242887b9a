import { defineConfig } from 'vite';

// The browser app; `npm run build:web` writes apps/web/dist, which the API serves at `/`.
export default defineConfig({
  root: __dirname,
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000' } },
});
