import type { RawResponse } from "./abuse-client.ts";

const lines: string[] = [];

/** Notes one case's outcome; printed after the file when ABUSE_REPORT is set, for the review. */
export function observe(name: string, response: RawResponse, detail = ""): void {
  const code = response.json?.errors?.[0]?.extensions?.["code"] ?? "";
  lines.push(`${name.padEnd(64)} ${String(response.status).padEnd(4)} ${String(code || detail)}`);
}

export function printObservations(title: string): void {
  if (!process.env["ABUSE_REPORT"] || lines.length === 0) return;
  process.stdout.write(`\n--- ${title}\n${lines.join("\n")}\n`);
  lines.length = 0;
}
