import { AccessDeniedError } from "@peykarband/application";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { formatError } from "./format-error.ts";

const wrapped = (original: Error) =>
  new GraphQLError(original.message, { originalError: original, path: ["viewer"] });

describe("formatError", () => {
  it("hides unexpected errors behind INTERNAL_SERVER_ERROR", () => {
    const error = wrapped(new Error("connection refused to 10.0.0.5:5432"));
    const formatted = formatError(error.toJSON(), error);
    expect(formatted).toEqual({
      message: expect.not.stringContaining("10.0.0.5"),
      path: ["viewer"],
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
  });

  it("turns a use case's access denial into FORBIDDEN or UNAUTHENTICATED", () => {
    const error = wrapped(new AccessDeniedError("FORBIDDEN"));
    expect(formatError(error.toJSON(), error).extensions).toEqual({ code: "FORBIDDEN" });
  });

  it("keeps a limit's code through Apollo's validation wrapper", () => {
    const limit = new GraphQLError("too deep", { extensions: { code: "QUERY_TOO_DEEP" } });
    const apolloWrapped = new GraphQLError("too deep", {
      originalError: limit,
      extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
    });
    expect(formatError(apolloWrapped.toJSON(), apolloWrapped).extensions?.["code"]).toBe("QUERY_TOO_DEEP");
  });
});
