import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportError, startErrorReporting } from "./error-reporting.ts";

const body = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  return (request.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("utf8");
};

describe("error reporting to a Sentry ingest on 127.0.0.1", () => {
  const envelopes: string[] = [];
  const ingest = createServer((request, response) => {
    void body(request).then((text) => {
      envelopes.push(text);
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  let dsn: string;
  beforeAll(async () => {
    await new Promise<void>((resolve) => ingest.listen(0, "127.0.0.1", resolve));
    dsn = `http://publickey@127.0.0.1:${(ingest.address() as AddressInfo).port}/7`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => ingest.close(() => resolve()));
  });

  it("is silent without a DSN", async () => {
    const reporting = await startErrorReporting({ dsn: null, environment: "test", release: "0.0.0" });
    reportError(new Error("nobody hears this"), { requestId: "r0" });
    await reporting.close();
    expect(envelopes).toEqual([]);
  });

  it("sends an unexpected error with where it happened, its secrets scrubbed", async () => {
    const reporting = await startErrorReporting({ dsn, environment: "test", release: "0.0.0" });
    reportError(new Error("verify refused Bearer eyJhbGciOi.eyJzdWIi.c2ln with password hunter2"), {
      requestId: "req-7",
      operationName: null,
    });
    await reporting.close();
    const sent = envelopes.join("\n");
    expect(sent).toContain("verify refused Bearer [Filtered]");
    expect(sent).toContain('"requestId":"req-7"');
    expect(sent).not.toContain("eyJ");
  });
});
