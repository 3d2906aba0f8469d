import {
  ORDER_SERVER_ERROR_CODES,
  REBUILD_SERVER_ERROR_CODES,
  RESIZE_SERVER_ERROR_CODES,
  SERVER_ACTION_ERROR_CODES,
} from "@peykarband/application";
import { CLOUD_PROVIDERS, SERVER_STATUSES } from "@peykarband/domain";
import type { GraphQLEnumType, GraphQLObjectType, GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { ACCESS_EXTENSION } from "../auth/access-rule.ts";
import { buildGatewaySchema } from "../schema/build-gateway-schema.ts";

const fieldsOf = (schema: GraphQLSchema, type: string) =>
  (schema.getType(type) as GraphQLObjectType).getFields();
const valuesOf = (schema: GraphQLSchema, type: string) =>
  (schema.getType(type) as GraphQLEnumType).getValues().map((value) => value.name);

describe("the servers' GraphQL surface", () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGatewaySchema();
  });

  it("has the queries and subscription clients build against, with their access rules", () => {
    const query = schema.getQueryType()!.getFields();
    expect(String(query["regions"]!.type)).toBe("[Region!]!");
    expect(String(query["images"]!.type)).toBe("[Image!]!");
    expect(String(query["plans"]!.type)).toBe("[Plan!]!");
    expect(query["plans"]!.args.map((arg) => `${arg.name}: ${String(arg.type)}`)).toEqual(["regionId: ID"]);
    expect(String(query["server"]!.type)).toBe("Server");
    expect(String(query["servers"]!.type)).toBe("ServerConnection!");
    expect(query["servers"]!.args.map((arg) => `${arg.name}: ${String(arg.type)}`).sort()).toEqual([
      "after: String",
      "before: String",
      "customerId: ID",
      "filter: ServerFilter",
      "first: Int",
      "last: Int",
    ]);
    expect(String(query["sshKeys"]!.type)).toBe("[SshKey!]!");
    for (const name of ["regions", "images", "plans"])
      expect(query[name]!.extensions[ACCESS_EXTENSION]).toBe("PUBLIC");
    for (const name of ["server", "servers", "sshKeys"])
      expect(query[name]!.extensions[ACCESS_EXTENSION]).toBe("SIGNED_IN");

    const subscription = schema.getSubscriptionType()!.getFields()["serverStatusChanged"]!;
    expect(String(subscription.type)).toBe("ServerStatusEvent!");
    expect(subscription.args.map((arg) => `${arg.name}: ${String(arg.type)}`)).toEqual(["serverId: ID"]);
    expect(subscription.extensions[ACCESS_EXTENSION]).toBe("SIGNED_IN");
    expect(Object.keys(fieldsOf(schema, "ServerStatusEvent")).sort()).toEqual([
      "occurredAt",
      "previousStatus",
      "server",
      "status",
    ]);
  });

  it("has one input, one payload and a closed error enum per mutation, the use case's codes", () => {
    const mutation = schema.getMutationType()!.getFields();
    const expected: Record<string, readonly string[]> = {
      orderServer: ORDER_SERVER_ERROR_CODES,
      powerOffServer: SERVER_ACTION_ERROR_CODES,
      powerOnServer: SERVER_ACTION_ERROR_CODES,
      rebootServer: SERVER_ACTION_ERROR_CODES,
      rebuildServer: REBUILD_SERVER_ERROR_CODES,
      resizeServer: RESIZE_SERVER_ERROR_CODES,
      deleteServer: SERVER_ACTION_ERROR_CODES,
    };
    for (const [name, codes] of Object.entries(expected)) {
      const type = `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
      const field = mutation[name]!;
      expect(String(field.type)).toBe(`${type}Payload!`);
      expect(String(field.args[0]?.type)).toBe(`${type}Input!`);
      expect(field.extensions[ACCESS_EXTENSION]).toBe("SIGNED_IN");
      const payload = fieldsOf(schema, `${type}Payload`);
      expect(String(payload["server"]!.type)).toBe("Server");
      expect(String(payload["userErrors"]!.type)).toBe(`[${type}UserError!]!`);
      expect(valuesOf(schema, `${type}ErrorCode`).sort()).toEqual([...codes].sort());
    }
    expect(mutation["setServerQuota"]!.extensions[ACCESS_EXTENSION]).toEqual(["ADMIN"]);
    expect(mutation["addSshKey"]!.extensions[ACCESS_EXTENSION]).toBe("SIGNED_IN");
    expect(mutation["deleteSshKey"]!.extensions[ACCESS_EXTENSION]).toBe("SIGNED_IN");
  });

  it("models Server as a Node with references to the catalog, and the domain's enums", () => {
    const server = schema.getType("Server") as GraphQLObjectType;
    expect(server.getInterfaces().map((i) => i.name)).toEqual(["Node"]);
    const fields = server.getFields();
    expect(
      Object.fromEntries(
        [
          "id",
          "name",
          "status",
          "provider",
          "plan",
          "region",
          "image",
          "ipv4",
          "ipv6",
          "createdAt",
          "updatedAt",
        ].map((name) => [name, String(fields[name]!.type)]),
      ),
    ).toEqual({
      id: "ID!",
      name: "String!",
      status: "ServerStatus!",
      provider: "CloudProvider!",
      plan: "Plan!",
      region: "Region!",
      image: "Image!",
      ipv4: "String",
      ipv6: "String",
      createdAt: "DateTime!",
      updatedAt: "DateTime!",
    });
    expect(valuesOf(schema, "ServerStatus")).toEqual([...SERVER_STATUSES]);
    expect(valuesOf(schema, "CloudProvider")).toEqual([...CLOUD_PROVIDERS]);
    const plan = fieldsOf(schema, "Plan");
    expect(String(plan["hourlyPrice"]!.type)).toBe("Rial!");
    expect(String(plan["monthlyPrice"]!.type)).toBe("Rial!");
    expect(String(plan["regions"]!.type)).toBe("[Region!]!");
    expect(Object.keys(fieldsOf(schema, "Region")).sort()).toEqual([
      "city",
      "country",
      "id",
      "isAvailable",
      "name",
      "provider",
    ]);
    expect(Object.keys(fieldsOf(schema, "Image")).sort()).toEqual(["distribution", "id", "name", "version"]);
  });
});
