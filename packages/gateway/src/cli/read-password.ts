import { createInterface } from "node:readline/promises";

/** From PEYKARBAND_ADMIN_PASSWORD (scripts), else one line from stdin (an operator at a terminal). */
export async function readPassword(): Promise<string> {
  const fromEnv = process.env["PEYKARBAND_ADMIN_PASSWORD"];
  if (fromEnv) return fromEnv;
  const prompt = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  try {
    return (await prompt.question("Password for the administrator: ")).trim();
  } finally {
    prompt.close();
  }
}
