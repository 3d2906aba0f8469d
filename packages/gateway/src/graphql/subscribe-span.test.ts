import { execute } from "graphql";
import { describe, expect, it } from "vitest";
import { sharedSubscribe } from "./shared-subscribe.ts";
import { SubscribeSpans } from "./subscribe-span.ts";

describe("SubscribeSpans with tracing off", () => {
  it("starts nothing and hands graphql-ws the very functions it wraps", () => {
    const spans = new SubscribeSpans(false);
    expect(
      spans.begin({ traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" }),
    ).toBeNull();
    expect(spans.around(sharedSubscribe)).toBe(sharedSubscribe);
    expect(spans.around(execute)).toBe(execute);
  });
});
