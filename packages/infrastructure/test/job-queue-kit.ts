import { pgSchema, text, uuid } from "drizzle-orm/pg-core";

export const FAST = { pollingIntervalSeconds: 0.5 };
export const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;
/** A promise the test settles when it chooses. */
export function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}
/** pg-boss's own table: a job it marked completed is never fetched again, so its runs are final. */
export const pgBossJobs = pgSchema("pgboss").table("job", {
  id: uuid("id").notNull(),
  state: text("state").notNull(),
});
