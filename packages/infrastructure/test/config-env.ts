import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { ConfigError } from "../src/config/config-error.ts";
import { loadConfig } from "../src/config/config.ts";

/** A random key of `bytes` bytes, base64url, as the key variables take them. */
export const secret = (bytes = 32) => randomBytes(bytes).toString("base64url");

/** The message of the ConfigError that loading `env` throws; fails the test when it loads. */
export function problemsOf(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error("expected a ConfigError");
}
