import { randomBytes } from "node:crypto";
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";

/** Who holds a lock, as written in the lock file. */
export interface LockOwner {
  readonly pid: number;
  /** When the owner took the lock, ISO 8601. */
  readonly since: string;
}

/** The directory is open in another live process; `owner` says which. */
export class DirectoryInUseError extends Error {
  constructor(
    readonly directory: string,
    readonly lockPath: string,
    readonly owner: LockOwner,
  ) {
    super(`${directory} is in use by process ${owner.pid} (since ${owner.since}); see ${lockPath}`);
    this.name = "DirectoryInUseError";
  }
}

export interface DirectoryLock {
  /** Removes the lock file if it is still ours. Safe to call more than once. */
  release(): void;
}

/** Locks held by this process: its own pid in a lock file it does not hold is a previous life's. */
const held = new Set<string>();

export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, it only belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

const readOwner = (text: string): LockOwner | null => {
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    return typeof parsed.pid === "number" && typeof parsed.since === "string"
      ? { pid: parsed.pid, since: parsed.since }
      : null;
  } catch {
    return null;
  }
};

const readOrNull = (path: string): string | null => {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
};

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;

/**
 * Moves a dead owner's lock out of the way, unless someone took the lock over in between: a lock
 * is only ever removed by the process that read exactly that content, so two processes breaking
 * the same stale lock cannot both end up holding it.
 */
function breakStaleLock(lockPath: string, staleText: string): void {
  const aside = `${lockPath}.${process.pid}.${randomBytes(4).toString("hex")}`;
  try {
    renameSync(lockPath, aside);
  } catch (error) {
    if (code(error) === "ENOENT") return;
    throw error;
  }
  if (readFileSync(aside, "utf8") !== staleText) {
    try {
      linkSync(aside, lockPath);
    } catch (error) {
      if (code(error) !== "EEXIST") throw error;
    }
  }
  unlinkSync(aside);
}

/**
 * Takes `<directory>.lock`, holding this process's pid, or throws DirectoryInUseError when a live
 * process holds it. The content is written to a private file first and linked into place, so the
 * lock appears whole or not at all; a lock whose process is gone (killed with SIGKILL, power
 * lost) is taken over. Released by `release()`, and at the latest when this process exits.
 */
export function lockDirectory(directory: string): DirectoryLock {
  const lockPath = `${directory}.lock`;
  if (held.has(lockPath)) {
    const own = readOwner(readOrNull(lockPath) ?? "");
    throw new DirectoryInUseError(directory, lockPath, own ?? { pid: process.pid, since: "now" });
  }
  const mine = JSON.stringify({ pid: process.pid, since: new Date().toISOString() } satisfies LockOwner);
  const draft = `${lockPath}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(draft, mine, { mode: 0o600, flag: "wx" });
  try {
    // Three rounds: a stale lock is broken at most once per round, and racing starters settle fast.
    for (let round = 0; round < 3; round++) {
      try {
        linkSync(draft, lockPath);
        return hold(lockPath, mine);
      } catch (error) {
        if (code(error) !== "EEXIST") throw error;
      }
      const text = readOrNull(lockPath);
      if (text === null) continue;
      const owner = readOwner(text);
      if (owner !== null && owner.pid !== process.pid && isAlive(owner.pid)) {
        throw new DirectoryInUseError(directory, lockPath, owner);
      }
      breakStaleLock(lockPath, text);
    }
    const owner = readOwner(readOrNull(lockPath) ?? "");
    throw new DirectoryInUseError(directory, lockPath, owner ?? { pid: 0, since: "unknown" });
  } finally {
    unlinkSync(draft);
  }
}

function hold(lockPath: string, mine: string): DirectoryLock {
  held.add(lockPath);
  const release = () => {
    if (!held.delete(lockPath)) return;
    process.off("exit", release);
    if (readOrNull(lockPath) === mine) unlinkSync(lockPath);
  };
  process.on("exit", release);
  return { release };
}
