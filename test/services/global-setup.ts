import { missingServiceNotices } from "./missing-services.ts";

/** Runs once per `vitest run`, before any test file: says which service-backed halves will be skipped. */
export function setup(): void {
  for (const notice of missingServiceNotices(process.env)) process.stderr.write(`[tests] ${notice}\n`);
}
