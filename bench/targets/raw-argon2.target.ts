/**
 * Baseline for sign-in: argon2id verify with the production parameters, `CONCURRENCY` at a time
 * for `SECONDS`, nothing else. Prints verifies per second as JSON.
 */
import argon2 from "argon2";
import { OWASP_ARGON2ID } from "../../packages/infrastructure/src/crypto/argon2.password-hasher.ts";

const concurrency = Number(process.env["CONCURRENCY"] ?? 8);
const seconds = Number(process.env["SECONDS"] ?? 5);
const parameters = { type: argon2.argon2id, ...OWASP_ARGON2ID };

const hash = await argon2.hash("correct horse battery", parameters);
const deadline = Date.now() + seconds * 1000;
let verified = 0;
const worker = async () => {
  while (Date.now() < deadline) {
    if (!(await argon2.verify(hash, "correct horse battery"))) throw new Error("verify failed");
    verified++;
  }
};
const started = Date.now();
await Promise.all(Array.from({ length: concurrency }, worker));
process.stdout.write(`${JSON.stringify({ perSecond: verified / ((Date.now() - started) / 1000) })}\n`);
