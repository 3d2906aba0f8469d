/**
 * Baseline: node:http + graphql-js with the parsed document cached: the floor any GraphQL
 * server over HTTP pays. Serves `viewer { id email }` from a static resolver.
 */
import { createServer } from "node:http";
import { buildSchema, execute, parse, type DocumentNode } from "graphql";
import { announce } from "./announce.ts";

const schema = buildSchema(`type User { id: ID! email: String! } type Query { viewer: User }`);
const rootValue = { viewer: () => ({ id: "VXNlcjox", email: "bench@example.com" }) };
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
