import type { ErrorEvent } from "@sentry/node";
import { describe, expect, it } from "vitest";
import { FILTERED, scrubEvent } from "./scrub-event.ts";

const JWT = "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl";

describe("scrubEvent (Sentry's beforeSend)", () => {
  it("blanks authorization headers, cookies, tokens, passwords and secrets at any depth", () => {
    const event: ErrorEvent = {
      type: undefined,
      request: {
        url: "https://api.example.com/graphql",
        method: "POST",
        headers: { Authorization: `Bearer ${JWT}`, "x-api-key": "pk_live_1", "user-agent": "sdk" },
        cookies: { session: "s" },
        data: '{"query":"mutation { logIn(input: {password: \\"hunter2\\"}) }"}',
        query_string: "token=abc",
      },
      extra: { input: { email: "a@example.com", password: "hunter2", nested: [{ refreshToken: "r" }] } },
      contexts: { job: { secretBoxKey: "k", jobId: "42" } },
      tags: { requestId: "req-1" },
      user: { id: "u1", email: "a@example.com", ip_address: "1.2.3.4" },
    };
    const scrubbed = scrubEvent(event);
    expect(scrubbed.request).toEqual({
      url: "https://api.example.com/graphql",
      method: "POST",
      headers: { Authorization: FILTERED, "x-api-key": FILTERED, "user-agent": "sdk" },
    });
    expect(scrubbed.extra).toEqual({
      input: { email: "a@example.com", password: FILTERED, nested: [{ refreshToken: FILTERED }] },
    });
    expect(scrubbed.contexts).toEqual({ job: { secretBoxKey: FILTERED, jobId: "42" } });
    expect(scrubbed.tags).toEqual({ requestId: "req-1" });
    expect(scrubbed.user).toEqual({ id: "u1" });
    expect(JSON.stringify(scrubbed)).not.toMatch(/hunter2|pk_live_1|eyJ/);
  });

  it("blanks bearer tokens, JWTs and URL passwords inside messages and exception values", () => {
    const scrubbed = scrubEvent({
      type: undefined,
      message: `refused Bearer ${JWT} for postgres://app:s3cret@db:5432/app`,
      exception: { values: [{ type: "Error", value: `token ${JWT} expired` }] },
    });
    expect(scrubbed.message).toBe(`refused Bearer ${FILTERED} for postgres://app:${FILTERED}@db:5432/app`);
    expect(scrubbed.exception?.values?.[0]?.value).toBe(`token ${FILTERED} expired`);
  });
});
