/**
 * Baseline: Apollo Server 5 + type-graphql on express 5 (expressMiddleware) with one static
 * resolver, nothing else: what the gateway would cost without auth, limits, logging, metrics and
 * the database, mounted the way Apollo's documentation mounts it.
 */
import { createServer } from "node:http";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { announce } from "./announce.ts";
import { startBareViewerApollo } from "./bare-viewer-apollo.ts";

const apollo = await startBareViewerApollo();
const app = express();
app.use("/graphql", express.json(), expressMiddleware(apollo));
const server = createServer(app);
server.listen(0, "127.0.0.1", () => announce(server));
