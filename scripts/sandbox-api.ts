import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
// A loaded CI machine can take minutes to start the API through tsx; a hung start still fails.
const READY_TIMEOUT_MS = 240_000;
const STOP_TIMEOUT_MS = 10_000;

export interface SandboxApi {
  /** `http://127.0.0.1:<port>`: GraphQL at `/graphql`, payment callbacks under `/payments`. */
  readonly url: string;
  readonly port: number;
  /** Stops the process (SIGTERM, then SIGKILL) and removes its data directory, unless the caller gave it. */
  stop(): Promise<void>;
}

/** To start again where a stopped API left off: its data directory (kept), and its port (so its origin). */
interface SandboxApiPlace {
  readonly dataDir?: string;
  readonly port?: number;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== "object" || address === null) throw new Error("no port from the OS");
  return address.port;
}

/**
 * Starts `packages/gateway/src/main.ts` under tsx, as `pnpm start` does, on the embedded default:
 * only PATH and HOME are inherited, so a DATABASE_URL or REDIS_URL in the caller's environment
 * cannot move it off PGlite and the simulators. Its output goes to `logFile`.
 */
export async function startSandboxApi(logFile: string, place: SandboxApiPlace = {}): Promise<SandboxApi> {
  const dataDir = place.dataDir ?? (await mkdtemp(join(tmpdir(), "peykarband-browser-data-")));
  const port = place.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, ["--import", "tsx", "packages/gateway/src/main.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env["PATH"] ?? "",
      HOME: process.env["HOME"] ?? "",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATA_DIR: dataDir,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise<string>((resolve) =>
    child.once("exit", (code, signal) => resolve(signal ?? `exit ${code}`)),
  );
  let exit: string | null = null;
  void exited.then((how) => (exit = how));

  const stop = async () => {
    if (exit === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    log.end();
    if (place.dataDir === undefined) await rm(dataDir, { recursive: true, force: true });
  };

  try {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (exit !== null) throw new Error(`the API ended (${exit}) before it was ready; see ${logFile}`);
      const ready = await fetch(`${url}/readyz`).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) return { url, port, stop };
      if (Date.now() > deadline) throw new Error(`the API was not ready in ${READY_TIMEOUT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } catch (error) {
    await stop();
    throw error;
  }
}
