/**
 * The real schema (schema/schema.graphql) served by node:http + graphql-js with static answers
 * and parsed documents cached: a server so cheap that a client's own cost shows in its throughput.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { buildSchema, execute, parse, type DocumentNode } from "graphql";
import { announce } from "./announce.ts";

const schema = buildSchema(readFileSync(new URL("../../schema/schema.graphql", import.meta.url), "utf8"));
const rootValue = {
  viewer: () => ({
    id: "VXNlcjox",
    email: "bench@example.com",
    phone: null,
    role: "CUSTOMER",
    twoFactorEnabled: false,
    createdAt: "2026-12-01T00:00:00.000Z",
  }),
};
const documents = new Map<string, DocumentNode>();

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const { query } = JSON.parse(Buffer.concat(chunks).toString()) as { query: string };
    let document = documents.get(query);
    if (!document) documents.set(query, (document = parse(query)));
    void Promise.resolve(execute({ schema, document, rootValue })).then((result) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(result));
    });
  });
});
server.listen(0, "127.0.0.1", () => announce(server));
