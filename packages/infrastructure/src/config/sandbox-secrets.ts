import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

export const SANDBOX_SECRETS_FILE = "secrets.json";

const stored = z.object({ JWT_SIGNING_KEYS: z.string(), SECRET_BOX_KEY: z.string() });
export type SandboxSecrets = z.infer<typeof stored>;

/**
 * The sandbox's own keys, generated on first start and kept beside its data so that a restart
 * keeps everyone signed in and every sealed secret readable. Never used in production.
 */
export function loadOrCreateSandboxSecrets(dataDir: string): SandboxSecrets | { problem: string } {
  const path = join(dataDir, SANDBOX_SECRETS_FILE);
  const generated: SandboxSecrets = {
    JWT_SIGNING_KEYS: `sandbox-1:${randomBytes(32).toString("base64url")}`,
    SECRET_BOX_KEY: randomBytes(32).toString("base64url"),
  };
  try {
    mkdirSync(dataDir, { recursive: true });
    // "wx": when two processes start at once, the second reads what the first wrote.
    writeFileSync(path, `${JSON.stringify(generated, null, 2)}\n`, { mode: 0o600, flag: "wx" });
    return generated;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
      return { problem: `cannot create ${path}: ${(error as Error).message}` };
    }
  }
  try {
    const parsed = stored.safeParse(JSON.parse(readFileSync(path, "utf8")));
    return parsed.success ? parsed.data : { problem: `${path} lacks JWT_SIGNING_KEYS or SECRET_BOX_KEY` };
  } catch {
    return { problem: `${path} is not readable JSON; delete it to generate new sandbox keys` };
  }
}
