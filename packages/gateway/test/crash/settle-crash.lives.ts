import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const CHILD = fileURLToPath(new URL("./settle-crash.child.ts", import.meta.url));

/** One worker process of the settlement crash test (settle-crash.child.ts). */
export interface SettleLife {
  readonly pid: number;
  /** Resolves at the first stdout line matching `line`; rejects if the process ends first or time runs out. */
  next(line: RegExp, timeoutMs: number): Promise<string>;
  /** Tells a LOADED life to start working the queues. */
  work(): void;
  output(): string;
  /** Sends `signal` (SIGKILL unless told) and resolves with how the process ended. */
  kill(signal?: NodeJS.Signals): Promise<string>;
}

export function spawnSettleLife(env: Readonly<Record<string, string>>): SettleLife {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD], {
    cwd: ROOT,
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let partial = "";
  let stderr = "";
  const waiters = new Set<() => void>();
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    const parts = (partial + chunk).split("\n");
    partial = parts.pop()!;
    lines.push(...parts);
    for (const wake of waiters) wake();
  });
  let how: string | null = null;
  const ended = new Promise<string>((resolve) =>
    child.once("exit", (code, signal) => {
      how = signal ?? `exit ${code}`;
      for (const wake of waiters) wake();
      resolve(how);
    }),
  );
  const output = () => `--- worker ${child.pid} stdout\n${lines.join("\n")}\n--- stderr\n${stderr}`;
  let seen = 0;

  return {
    pid: child.pid ?? -1,
    output,
    work: () => child.stdin.write("WORK\n"),
    next: (line, timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => done(new Error(`no ${line} in ${timeoutMs} ms\n${output()}`)),
          timeoutMs,
        );
        const done = (error: Error | null, found?: string) => {
          clearTimeout(timer);
          waiters.delete(check);
          if (error) reject(error);
          else resolve(found!);
        };
        const check = () => {
          while (seen < lines.length) {
            const candidate = lines[seen++]!;
            if (line.test(candidate)) return done(null, candidate);
          }
          if (how !== null) done(new Error(`worker ended (${how}) before ${line}\n${output()}`));
        };
        waiters.add(check);
        check();
      }),
    async kill(signal = "SIGKILL") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return ended;
    },
  };
}
