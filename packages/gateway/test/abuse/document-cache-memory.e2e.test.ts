import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { spawnRole } from "../support/cross-process-roles.ts";

const MAX_QUERY_BYTES = 32_768;
const REQUESTS = 2000;
const IN_FLIGHT = 4;
const ALLOWED_GROWTH_MB = 150;
/**
 * The heap ceiling a container's memory limit calls for (docs/operations.md). Without one, V8
 * lets this much garbage (each request parses a megabyte of tokens and nodes) grow the heap to
 * about 270 MB before a full collection, live memory or not. Under it, a cache that keeps what
 * it does not count fills the heap: with Apollo's default store (documents sized by their JSON)
 * this gateway died within 50 s; with the store sized by documentBytes it stays near 75 MB live.
 */
const HEAP_CEILING_MB = 160;

/** The resident set of a process, from the kernel: no collection needed inside it. */
function residentMb(pid: number): number {
  const line = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!line) throw new Error(`no VmRSS for ${pid}`);
  return Number(line[1]) / 1024;
}

/**
 * A valid document, unique by its name, just under both the token limit (2,000: each token
 * stays in memory with the parsed document) and the size limit (the rest a comment). Anonymous,
 * so it is refused UNAUTHENTICATED only when it runs, after it was parsed, validated and cached.
 */
function paddedDocument(n: number): string {
  const statuses = "ACTIVE ".repeat(1970);
  const text = `query Q${n} { servers(first: 1, filter: { statuses: [${statuses}] }) { nodes { id } } }`;
  return `${text} #${"x".repeat(MAX_QUERY_BYTES - 64 - text.length)}`;
}

async function post(url: string, n: number): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: paddedDocument(n) }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: unknown } }[] };
  return body.errors?.[0]?.extensions?.code;
}

describe.skipIf(process.platform !== "linux")("the parsed-document cache of a real gateway process", () => {
  it(
    `keeps its resident memory within ${ALLOWED_GROWTH_MB} MB of its start over ${REQUESTS} unique documents just under the limits`,
    { timeout: 600_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), "pk-doc-cache-"));
      const gateway = spawnRole("all", {
        HOST: "127.0.0.1",
        PORT: "0",
        DATA_DIR: dataDir,
        LOG_LEVEL: "info",
        MAX_QUERY_BYTES: String(MAX_QUERY_BYTES),
        NODE_OPTIONS: `--max-old-space-size=${HEAP_CEILING_MB}`,
      });
      try {
        const url = (await gateway.waitForLine(/listening on (http:\/\/[^\s"]+\/graphql)/, 90_000))[1]!;
        expect(Buffer.byteLength(paddedDocument(REQUESTS + 20))).toBeLessThan(MAX_QUERY_BYTES);
        // Lazy initialisation (JIT, express, Apollo) is not what is measured.
        for (let n = 0; n < 20; n++) expect(await post(url, REQUESTS + n)).toBe("UNAUTHENTICATED");
        const start = residentMb(gateway.pid);
        let peak = start;
        let next = 0;
        const codes = new Map<unknown, number>();
        await Promise.all(
          Array.from({ length: IN_FLIGHT }, async () => {
            while (next < REQUESTS) {
              const n = next++;
              const code = await post(url, n);
              codes.set(code, (codes.get(code) ?? 0) + 1);
              if (n % 50 === 0) peak = Math.max(peak, residentMb(gateway.pid));
            }
          }),
        );
        peak = Math.max(peak, residentMb(gateway.pid));
        expect(Object.fromEntries(codes)).toEqual({ UNAUTHENTICATED: REQUESTS });
        expect(
          peak - start,
          `RSS from ${start.toFixed(0)} MB to a peak of ${peak.toFixed(0)} MB`,
        ).toBeLessThan(ALLOWED_GROWTH_MB);
      } finally {
        await gateway.stop("SIGTERM", 30_000);
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
