import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildGatewaySchema, printSortedSchema } from "./build-gateway-schema.ts";

export const SCHEMA_FILE = fileURLToPath(new URL("../../../../schema/schema.graphql", import.meta.url));

writeFileSync(SCHEMA_FILE, printSortedSchema(await buildGatewaySchema()));
console.error(`wrote ${SCHEMA_FILE}`);
