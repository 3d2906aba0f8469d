/**
 * Counts every SQL statement a Database's client sends, under drizzle and everything else: PGlite's
 * wire messages (one Parse per extended-protocol statement, one Query per simple one), postgres-js's
 * `debug` hook (called for every query it builds). Tests and benchmarks prove query counts with it.
 */
import type { Database } from "../database/database.ts";

/** Starts counting on `database`'s client; `take()` answers the statements since the last take. */
export function countStatements(database: Database): { take(): string[] } {
  let sent: string[] = [];
  const take = () => {
    const taken = sent;
    sent = [];
    return taken;
  };
  if (database.kind === "postgres") {
    // postgres-js reads `debug` from this shared options object each time it builds a query.
    (database.client.options as { debug: unknown }).debug = (_c: number, query: string) => sent.push(query);
    return { take };
  }
  const client = database.client;
  const send = client.execProtocolStream.bind(client);
  const decoder = new TextDecoder();
  const cString = (bytes: Uint8Array, from: number) => {
    const end = bytes.indexOf(0, from);
    return { text: decoder.decode(bytes.subarray(from, end)), next: end + 1 };
  };
  client.execProtocolStream = (message, options) => {
    // Byte 0 is the message type, bytes 1-4 its length. Parse: name, then the statement; Query: the statement.
    if (message[0] === 0x50) sent.push(cString(message, cString(message, 5).next).text);
    if (message[0] === 0x51) sent.push(cString(message, 5).text);
    return send(message, options);
  };
  return { take };
}
