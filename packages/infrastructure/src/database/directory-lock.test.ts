import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DirectoryInUseError, lockDirectory, type DirectoryLock } from "./directory-lock.ts";

/** The pid of a process that has exited and been reaped. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await once(child, "exit");
  return child.pid!;
}

describe("lockDirectory", () => {
  let root: string;
  let directory: string;
  let lockPath: string;
  const locks: DirectoryLock[] = [];
  const ownerIn = () => JSON.parse(readFileSync(lockPath, "utf8")) as { pid: number; since: string };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "pk-lock-"));
    directory = join(root, "pglite");
    lockPath = `${directory}.lock`;
  });
  afterEach(() => {
    for (const lock of locks.splice(0)) lock.release();
    rmSync(root, { recursive: true, force: true });
  });

  it("writes this process's pid and refuses a second holder until released", () => {
    locks.push(lockDirectory(directory));
    expect(ownerIn().pid).toBe(process.pid);
    expect(() => lockDirectory(directory)).toThrow(DirectoryInUseError);

    locks[0]!.release();
    expect(existsSync(lockPath)).toBe(false);
    locks.push(lockDirectory(directory));
    expect(ownerIn().pid).toBe(process.pid);
  });

  it("refuses a directory a live process holds, naming it", () => {
    const owner = { pid: process.ppid, since: "2026-01-01T00:00:00.000Z" };
    writeFileSync(lockPath, JSON.stringify(owner));
    let refusal: unknown;
    try {
      locks.push(lockDirectory(directory));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DirectoryInUseError);
    expect((refusal as DirectoryInUseError).owner).toEqual(owner);
    expect(ownerIn()).toEqual(owner);
  });

  it("takes over the lock of a process that is gone", async () => {
    writeFileSync(lockPath, JSON.stringify({ pid: await deadPid(), since: "2026-01-01T00:00:00.000Z" }));
    locks.push(lockDirectory(directory));
    expect(ownerIn().pid).toBe(process.pid);
  });

  it("takes over a lock naming its own pid that it does not hold: a previous life in a container", () => {
    writeFileSync(lockPath, JSON.stringify({ pid: process.pid, since: "2026-01-01T00:00:00.000Z" }));
    locks.push(lockDirectory(directory));
    expect(ownerIn().since).not.toBe("2026-01-01T00:00:00.000Z");
  });

  it("leaves a lock taken over by another process where it is on release", () => {
    const lock = lockDirectory(directory);
    const other = JSON.stringify({ pid: process.ppid, since: "2026-01-01T00:00:00.000Z" });
    writeFileSync(lockPath, other);
    lock.release();
    expect(readFileSync(lockPath, "utf8")).toBe(other);
  });
});
