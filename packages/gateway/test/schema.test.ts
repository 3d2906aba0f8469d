import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLInterfaceType,
  GraphQLObjectType,
  isIntrospectionType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { ACCESS_EXTENSION, isAccessRule } from "../src/auth/access-rule.ts";
import { ROOT_FIELD_SCOPES } from "../src/auth/scope-rules.ts";
import { buildGatewaySchema, printSortedSchema, ROOT_TYPES } from "../src/schema/build-gateway-schema.ts";

const SCHEMA_FILE = fileURLToPath(new URL("../../../schema/schema.graphql", import.meta.url));

describe("the GraphQL schema", () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGatewaySchema();
  });

  it("matches the committed schema/schema.graphql (run `pnpm schema:emit` after changing it)", () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(printSortedSchema(schema));
  });

  it("declares an access rule on every root field, and says it in the description", () => {
    const missing: string[] = [];
    for (const name of ROOT_TYPES) {
      const type = schema.getType(name);
      if (!(type instanceof GraphQLObjectType)) continue;
      for (const field of Object.values(type.getFields())) {
        const described = field.description?.includes("Requires: ") ?? false;
        if (!isAccessRule(field.extensions[ACCESS_EXTENSION]) || !described)
          missing.push(`${name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("declares an API-key scope rule on every root field, and says it in the description", () => {
    const missing: string[] = [];
    const declared = new Set<string>();
    for (const name of ROOT_TYPES) {
      const type = schema.getType(name);
      if (!(type instanceof GraphQLObjectType)) continue;
      for (const field of Object.values(type.getFields())) {
        const key = `${name}.${field.name}`;
        declared.add(key);
        if (!ROOT_FIELD_SCOPES[key] || !field.description?.includes("API keys: ")) missing.push(key);
      }
    }
    expect(missing).toEqual([]);
    // A rule for a field that no longer exists is a rule nobody reviews.
    expect(Object.keys(ROOT_FIELD_SCOPES).filter((key) => !declared.has(key))).toEqual([]);
  });

  it("describes every type, field, argument and enum value", () => {
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
      if (!type.description) undocumented.push(type.name);
      if (type instanceof GraphQLEnumType) {
        for (const value of type.getValues())
          if (!value.description) undocumented.push(`${type.name}.${value.name}`);
      }
      if (
        type instanceof GraphQLObjectType ||
        type instanceof GraphQLInterfaceType ||
        type instanceof GraphQLInputObjectType
      ) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undocumented.push(`${type.name}.${field.name}`);
          for (const arg of "args" in field ? field.args : []) {
            if (!arg.description) undocumented.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
    }
    expect(undocumented).toEqual([]);
  });

  it("has the operations clients build against", () => {
    const mutation = schema.getMutationType()!.getFields();
    for (const name of [
      "registerUser",
      "logIn",
      "refreshSession",
      "logOut",
      "startTwoFactorSetup",
      "confirmTwoFactorSetup",
      "disableTwoFactor",
      "startTopUp",
    ]) {
      const field = mutation[name]!;
      const input = `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
      expect(String(field.type)).toBe(`${input}Payload!`);
      expect(String(field.args[0]?.type)).toBe(`${input}Input!`);
    }
    expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(
      expect.arrayContaining(["node", "viewer", "health", "payments"]),
    );
    const payments = schema.getQueryType()!.getFields()["payments"]!;
    expect(String(payments.type)).toBe("PaymentConnection!");
    expect(payments.args.map((arg) => arg.name)).toEqual(
      expect.arrayContaining(["first", "after", "last", "before"]),
    );
    const user = schema.getType("User") as GraphQLObjectType;
    expect(String(user.getFields()["wallet"]!.type)).toBe("Wallet!");
    const wallet = schema.getType("Wallet") as GraphQLObjectType;
    expect(String(wallet.getFields()["balance"]!.type)).toBe("Rial!");
    expect(String(wallet.getFields()["entries"]!.type)).toBe("LedgerEntryConnection!");
    const payment = schema.getType("Payment") as GraphQLObjectType;
    expect(Object.keys(payment.getFields()).sort()).toEqual([
      "amount",
      "createdAt",
      "gateway",
      "id",
      "paidAt",
      "referenceId",
      "status",
    ]);
    expect(payment.getInterfaces().map((i) => i.name)).toEqual(["Node"]);
  });
});
