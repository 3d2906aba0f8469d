import { describe, expect, it } from "vitest";
import { prefersHtml } from "./prefers-html.ts";

describe("prefersHtml", () => {
  it.each([
    ["text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", true],
    ["text/html, */*", true],
    ["application/json, text/html", false],
    ["*/*", false],
    ["application/graphql-response+json, application/json;q=0.9", false],
    ["text/html;q=0.5, application/json", false],
    ["text/*", true],
    [undefined, false],
  ])("%s: %s", (accept, expected) => {
    expect(prefersHtml(accept)).toBe(expected);
  });
});
