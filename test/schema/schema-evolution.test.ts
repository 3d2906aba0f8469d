import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { breakingChanges, latestRelease } from "./breaking-changes.ts";

const SCHEMA = join(import.meta.dirname, "../../schema");

describe("schema evolution", () => {
  it("breaks nothing a client of the last release relies on, unless it was deprecated first", async () => {
    const release = latestRelease(readdirSync(join(SCHEMA, "released")));
    expect(release, "schema/released/ holds no vX.Y.Z.graphql").toBeDefined();
    const breaking = await breakingChanges(
      readFileSync(join(SCHEMA, "released", release!), "utf8"),
      readFileSync(join(SCHEMA, "schema.graphql"), "utf8"),
    );
    expect(breaking.map((change) => `${release}: ${change.message}`)).toEqual([]);
  });

  const released = `
    type Query {
      server(id: ID!): Server
      legacyStatus: String @deprecated(reason: "Use server. Removal on 2026-06-01.")
    }
    type Server { id: ID!, name: String!, status: Status! }
    enum Status { ACTIVE OFF SHUT_DOWN @deprecated(reason: "Use OFF.") }
  `;

  it("finds a removed field, a removed enum value and a field made nullable", async () => {
    const current = `
      type Query { server(id: ID!): Server, legacyStatus: String @deprecated(reason: "Use server.") }
      type Server { id: ID!, name: String }
      enum Status { ACTIVE SHUT_DOWN }
    `;
    const found = await breakingChanges(released, current);
    expect(found.map((change) => change.path).sort()).toEqual(["Server.name", "Server.status", "Status.OFF"]);
  });

  it("allows additions and the removal of what was deprecated", async () => {
    const current = `
      type Query { server(id: ID!): Server, servers: [Server!]! }
      type Server { id: ID!, name: String!, status: Status!, ipv4: String }
      enum Status { ACTIVE OFF DELETED }
    `;
    expect(await breakingChanges(released, current)).toEqual([]);
  });

  it("compares with the newest release by semantic version", () => {
    expect(latestRelease(["v0.9.0.graphql", "v0.10.0.graphql", "v0.2.1.graphql", "notes.md"])).toBe(
      "v0.10.0.graphql",
    );
    expect(latestRelease([])).toBeUndefined();
  });
});
