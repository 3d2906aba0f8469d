import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { fromKeysetCursor, toKeysetCursor } from "./keyset-cursor.ts";
import { pageInfoOf, readPageArgs, type ConnectionArgs } from "./page-args.ts";

const position = { createdAt: new Date("2030-01-01T00:00:00Z"), id: "0190f1c2-7a3b-7c4d-8e5f-001122334455" };
const cursor = toKeysetCursor(position);

describe("readPageArgs", () => {
  it("reads first/after forwards and last/before backwards", () => {
    expect(readPageArgs({ first: 10 }, fromKeysetCursor)).toEqual({ first: 10, after: null });
    expect(readPageArgs({ first: 1, after: cursor }, fromKeysetCursor)).toEqual({
      first: 1,
      after: position,
    });
    expect(readPageArgs({ last: 100 }, fromKeysetCursor)).toEqual({ last: 100, before: null });
    expect(readPageArgs({ last: 5, before: cursor }, fromKeysetCursor)).toEqual({
      last: 5,
      before: position,
    });
  });

  it.each<ConnectionArgs>([
    {},
    { first: 1, last: 1 },
    { first: 0 },
    { first: 101 },
    { last: 0 },
    { last: 101 },
    { last: 1.5 },
    { first: 1, before: cursor },
    { last: 1, after: cursor },
    { first: 1, after: "garbage!" },
    { last: 1, before: Buffer.from("2030-01-01|not-a-uuid").toString("base64url") },
  ])("refuses %j with BAD_USER_INPUT", (args) => {
    let error: unknown;
    try {
      readPageArgs(args, fromKeysetCursor);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions["code"]).toBe("BAD_USER_INPUT");
  });
});

describe("pageInfoOf", () => {
  it("is exact in the direction read, and on the other side says whether a cursor was given", () => {
    const cursors = ["a", "b"];
    expect(pageInfoOf(cursors, { hasMore: true }, { first: 2, after: null })).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: "a",
      endCursor: "b",
    });
    expect(pageInfoOf(cursors, { hasMore: false }, { first: 2, after: position })).toMatchObject({
      hasNextPage: false,
      hasPreviousPage: true,
    });
    expect(pageInfoOf(cursors, { hasMore: true }, { last: 2, before: null })).toMatchObject({
      hasNextPage: false,
      hasPreviousPage: true,
    });
    expect(pageInfoOf([], { hasMore: false }, { last: 2, before: position })).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });
});
