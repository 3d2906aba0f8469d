import { integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** The catalog file's images, synced at start; dropped ones are retired, never deleted. */
export const images = pgTable("images", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  distribution: text("distribution").notNull(),
  version: text("version").notNull(),
  /** Provider name → that provider's image (DO slug, Hetzner name, OVH image name). */
  providerImages: jsonb("provider_images").$type<Record<string, string>>().notNull(),
  /** Where the file lists it: lists come back in the operators' order. */
  position: integer("position").notNull(),
  retiredAt: timestamp("retired_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});
