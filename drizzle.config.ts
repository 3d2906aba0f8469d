import { defineConfig } from "drizzle-kit";

// One migrations folder serves both PGlite (embedded) and PostgreSQL (production).
export default defineConfig({
  dialect: "postgresql",
  schema: "./packages/infrastructure/src/database/schema.ts",
  out: "./packages/infrastructure/drizzle",
  strict: true,
  verbose: true,
});
