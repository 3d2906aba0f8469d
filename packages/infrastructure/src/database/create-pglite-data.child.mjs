// Creates a new embedded database, migrated, in `<target>.creating-<this pid>` and exits; the
// parent renames it into place (pglite-data-dir.ts). Run in a process of its own so that the
// memory PGlite's initdb leaves behind dies with it. Plain JavaScript: `node` runs this file as it
// is from the sources, from the build (whose code points here) and in the tests.
import process from "node:process";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";

const [target, migrationsFolder] = process.argv.slice(2);
const client = await PGlite.create(`${target}.creating-${process.pid}`);
await migrate(drizzle({ client }), { migrationsFolder });
await client.close();
