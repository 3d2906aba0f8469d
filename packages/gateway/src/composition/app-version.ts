import { createRequire } from "node:module";

/** The gateway package's version, reported by `health { version }`. */
export const APP_VERSION: string = (
  createRequire(import.meta.url)("../../package.json") as { version: string }
).version;
