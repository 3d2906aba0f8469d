import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { MIGRATIONS_FOLDER } from "./database.ts";
import { isAlive } from "./directory-lock.ts";

const CREATOR = fileURLToPath(new URL("./create-pglite-data.child.mjs", import.meta.url));

/** Where the creator with process id `pid` builds the database that becomes `dataDir`. */
export const draftOf = (dataDir: string, pid: number) => `${dataDir}.creating-${pid}`;

/** Starts the process that creates and migrates a new database in `draftOf(dataDir, its pid)`. */
export function spawnPgliteCreator(dataDir: string): ChildProcess {
  return spawn(process.execPath, [CREATOR, dataDir, MIGRATIONS_FOLDER], {
    stdio: ["ignore", "ignore", "pipe"],
  });
}

const entriesOf = (directory: string): string[] | null => {
  try {
    return readdirSync(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
};

/**
 * Drafts whose creator is gone (killed mid-way, or its parent killed before the rename). A live
 * creator's draft is left alone: it may be an orphan still writing.
 */
function removeAbandonedDrafts(dataDir: string): void {
  const prefix = basename(draftOf(dataDir, 0)).slice(0, -1);
  for (const name of entriesOf(dirname(dataDir)) ?? []) {
    const pid = Number(name.slice(prefix.length));
    if (!name.startsWith(prefix) || !Number.isInteger(pid) || isAlive(pid)) continue;
    rmSync(join(dirname(dataDir), name), { recursive: true, force: true });
  }
}

async function create(dataDir: string): Promise<void> {
  const creator = spawnPgliteCreator(dataDir);
  let stderr = "";
  creator.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    creator.once("error", reject);
    creator.once("close", resolve);
  });
  const draft = draftOf(dataDir, creator.pid!);
  if (code !== 0) {
    rmSync(draft, { recursive: true, force: true });
    throw new Error(`Creating the embedded database in ${dataDir} failed (exit ${code}):\n${stderr}`);
  }
  renameSync(draft, dataDir);
  const parent = openSync(dirname(dataDir), "r");
  try {
    fsyncSync(parent);
  } finally {
    closeSync(parent);
  }
}

/**
 * Makes sure `dataDir` holds a database, for its lock holder. A new one is created in a
 * short-lived process, into a draft beside `dataDir` renamed into place only when complete: a
 * kill at any moment leaves no database (the next start removes the draft and creates it again)
 * or a complete one, never half of one (PGlite's initdb in place, killed between writing
 * PG_VERSION and postgresql.conf, leaves a directory that never opens again); and this process
 * never holds the half a gigabyte initdb leaves for the garbage collector. A directory that exists
 * and is not empty is opened as it is.
 */
export async function ensurePgliteDataDir(dataDir: string): Promise<void> {
  removeAbandonedDrafts(dataDir);
  const entries = entriesOf(dataDir);
  if (entries !== null && entries.length > 0) return;
  if (entries !== null) rmSync(dataDir, { recursive: true });
  await create(dataDir);
}
