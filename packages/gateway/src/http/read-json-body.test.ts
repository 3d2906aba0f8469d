import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readJsonBody } from "./read-json-body.ts";

const request = (body: Buffer | null, headers: Record<string, string>): IncomingMessage =>
  Object.assign(Readable.from(body === null ? [] : [body]), {
    headers: body === null ? headers : { "content-length": String(body.length), ...headers },
  }) as unknown as IncomingMessage;

const JSON_TYPE = { "content-type": "application/json" };

describe("readJsonBody", () => {
  it("parses a JSON object, and a gzip-encoded one", async () => {
    const text = JSON.stringify({ query: "{ health { sandbox } }" });
    expect(await readJsonBody(request(Buffer.from(text), JSON_TYPE), 1000)).toEqual({
      body: { query: "{ health { sandbox } }" },
    });
    const gzipped = request(gzipSync(text), { ...JSON_TYPE, "content-encoding": "gzip" });
    expect(await readJsonBody(gzipped, 1000)).toEqual({ body: { query: "{ health { sandbox } }" } });
  });

  it("has no body without Content-Length or Transfer-Encoding, and {} for an empty one", async () => {
    expect(await readJsonBody(request(null, JSON_TYPE), 1000)).toEqual({ body: undefined });
    expect(await readJsonBody(request(Buffer.alloc(0), JSON_TYPE), 1000)).toEqual({ body: {} });
  });

  it("holds the limit to the decoded size", async () => {
    const bomb = request(gzipSync(JSON.stringify({ query: "x".repeat(10_000) })), {
      ...JSON_TYPE,
      "content-encoding": "gzip",
    });
    expect(await readJsonBody(bomb, 1000)).toMatchObject({
      refusal: { status: 413, code: "PAYLOAD_TOO_LARGE" },
    });
  });

  it.each([
    ["an unknown encoding", { ...JSON_TYPE, "content-encoding": "compress" }, 415],
    ["a charset other than UTF-8", { "content-type": "application/json; charset=latin1" }, 415],
    ["another content type", { "content-type": "text/plain" }, 415],
  ])("refuses %s", async (_name, headers, status) => {
    expect(await readJsonBody(request(Buffer.from("{}"), headers), 1000)).toMatchObject({
      refusal: { status },
    });
  });

  it("accepts UTF-8 named either way", async () => {
    const headers = { "content-type": 'application/json; charset="UTF-8"' };
    expect(await readJsonBody(request(Buffer.from("[]"), headers), 1000)).toEqual({ body: [] });
  });
});
