import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, watch } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DrizzleUserRepository } from "../accounts/user.repository.ts";
import { insertUser } from "../testing/account-fixtures.ts";
import { draftOf, spawnPgliteCreator } from "./pglite-data-dir.ts";
import { openPgliteDatabase } from "./pglite.database.ts";

const CREATING = 120_000;

/** Resolves once `path` exists, or once `exited` settles (a creator done before the event). */
async function untilExists(directory: string, path: () => string, exited: Promise<unknown>): Promise<void> {
  const watcher = watch(directory, { recursive: true });
  try {
    await Promise.race([
      exited,
      new Promise<void>((resolve) => {
        watcher.on("change", () => existsSync(path()) && resolve());
        if (existsSync(path())) resolve();
      }),
    ]);
  } finally {
    watcher.close();
  }
}

describe("the embedded database of a new directory", () => {
  const root = mkdtempSync(join(tmpdir(), "pk-pglite-create-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const drafts = (name: string) => readdirSync(root).filter((entry) => entry.startsWith(`${name}.creating-`));

  const created = join(root, "created");
  let user: Awaited<ReturnType<typeof insertUser>>;
  beforeAll(async () => {
    const first = await openPgliteDatabase(created);
    try {
      // No migrate(): the creator process migrated the new database.
      user = await insertUser(first);
    } finally {
      await first.close();
    }
  }, CREATING);

  it("is created migrated in a child process and renamed into place; a restart opens the same data", async () => {
    expect(drafts("created")).toEqual([]);
    const again = await openPgliteDatabase(created);
    try {
      await again.migrate();
      expect((await new DrizzleUserRepository(again.db).findById(user.id))?.email).toEqual(user.email);
    } finally {
      await again.close();
    }
  });

  it(
    "killed mid-way (kill -9 once initdb wrote PG_VERSION) leaves no database, and the next start removes the draft and creates it",
    async () => {
      const dataDir = join(root, "killed");
      const creator = spawnPgliteCreator(dataDir);
      const exited = new Promise((resolve) => creator.once("exit", resolve));
      await untilExists(root, () => join(draftOf(dataDir, creator.pid!), "PG_VERSION"), exited);
      creator.kill("SIGKILL");
      await exited;
      expect(existsSync(dataDir)).toBe(false);
      expect(drafts("killed")).toEqual([`killed.creating-${creator.pid}`]);

      const database = await openPgliteDatabase(dataDir);
      try {
        expect(drafts("killed")).toEqual([]);
        await insertUser(database);
      } finally {
        await database.close();
      }
    },
    CREATING,
  );

  it("an initdb in place killed between writing PG_VERSION and postgresql.conf leaves a directory that never opens", async () => {
    const half = join(root, "half");
    cpSync(created, half, { recursive: true });
    rmSync(join(half, "postgresql.conf"));
    await expect(openPgliteDatabase(half)).rejects.toThrow(/failed to initialize/);
  });
});
