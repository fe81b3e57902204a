/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The console is served by the standalone jar from the same origin as the API; `npm run dev` proxies to a running jar.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: process.env.CONSOLE_OUT_DIR ?? 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/api': { target: process.env.CONSOLE_API ?? 'http://localhost:8080', changeOrigin: false },
      '/actuator': { target: process.env.CONSOLE_API ?? 'http://localhost:8080', changeOrigin: false },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./test/setup.ts'],
    include: ['test/**/*.test.{ts,tsx}'],
    // the machine is shared: a busy moment must not fail a test
    testTimeout: 30_000,
  },
});
