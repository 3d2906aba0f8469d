import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const CHILD = fileURLToPath(new URL("./server-crash.child.ts", import.meta.url));

/** One running worker process of the crash test (server-crash.child.ts). */
export interface WorkerLife {
  readonly pid: number;
  /** performance.now() of the spawn. */
  readonly spawnedAt: number;
  /** performance.now() of its READY line; rejects if it ends first or does not start in time. */
  readonly ready: Promise<number>;
  /** How it ended: a signal's name or `exit <code>`. */
  readonly ended: Promise<string>;
  /** Worker log lines that say a job ended ("job done" / "job failed"), so far. */
  jobLines(): { done: number; failed: number };
  output(): string;
  /** Sends `signal` (SIGKILL unless told) and resolves with how the process ended. */
  kill(signal?: NodeJS.Signals): Promise<string>;
}

export function spawnWorkerLife(env: Readonly<Record<string, string>>, startTimeoutMs: number): WorkerLife {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", CHILD], {
    cwd: ROOT,
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const ended = new Promise<string>((resolve) =>
    child.once("exit", (code, signal) => resolve(signal ?? `exit ${code}`)),
  );
  const output = () => `--- worker ${child.pid} stdout\n${stdout}\n--- stderr\n${stderr}`;
  const ready = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no READY in ${startTimeoutMs} ms\n${output()}`)),
      startTimeoutMs,
    );
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      if (/^READY \d+$/m.test(stdout)) {
        clearTimeout(timer);
        resolve(performance.now());
      }
    });
    void ended.then((how) => {
      clearTimeout(timer);
      reject(new Error(`worker ended (${how}) before READY\n${output()}`));
    });
  });
  // Settled by the caller's await or not at all: never an unhandled rejection.
  ready.catch(() => undefined);
  const provisionLines = (message: string) =>
    stdout
      .split("\n")
      .filter((l) => l.includes(`"message":"${message}"`) && l.includes('"job":"servers.provision"')).length;

  return {
    pid: child.pid ?? -1,
    spawnedAt,
    ready,
    ended,
    jobLines: () => ({ done: provisionLines("job done"), failed: provisionLines("job failed") }),
    output,
    async kill(signal = "SIGKILL") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return ended;
    },
  };
}
