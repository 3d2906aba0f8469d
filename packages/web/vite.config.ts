import { defaultClientConditions, defaultServerConditions, defineConfig } from "vite";

export default defineConfig({
  root: import.meta.dirname,
  // Relative asset URLs: the same files work at the gateway's `/` and from any CDN folder.
  base: "./",
  resolve: {
    // The SDK is bundled from its TypeScript sources, as the gateway's tests use it.
    conditions: ["@peykarband/source", ...defaultClientConditions],
  },
  ssr: {
    resolve: { conditions: ["@peykarband/source", ...defaultServerConditions] },
    // The prerender runs from a temporary folder that cannot resolve packages: bundle them all.
    noExternal: true,
  },
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Persian text needs no polyfills; every browser that renders Vazirmatn's variable font runs ES2022.
    target: "es2022",
    // Two pages: the landing page stays small, the dashboard (app/) is its own entry and chunks.
    rolldownOptions: {
      input: {
        landing: `${import.meta.dirname}/index.html`,
        dashboard: `${import.meta.dirname}/app/index.html`,
      },
    },
  },
});
