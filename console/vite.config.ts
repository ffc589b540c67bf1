import { defineConfig } from "vite";

// Built into the gateway's package so `make up` serves it without Node (ADR 0008).
export default defineConfig({
  base: "/console/",
  build: {
    outDir: "../gateway/console/static",
    emptyOutDir: true,
    target: "es2020",
    chunkSizeWarningLimit: 900,
    modulePreload: { polyfill: false },
  },
  server: { proxy: { "/api": "http://127.0.0.1:8000", "/auth": "http://127.0.0.1:8000" } },
});
