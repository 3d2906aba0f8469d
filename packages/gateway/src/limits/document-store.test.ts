import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { createDocumentStore, documentBytes } from "./document-store.ts";

const padded = (n: number, padding: string) => parse(`query Q${n} { health { sandbox } } #${padding}`);

describe("the document cache's sizes", () => {
  it("counts a comment's text, which Apollo's default sizing (the document's JSON) leaves out", () => {
    const document = padded(1, "x".repeat(30_000));
    expect(InMemoryLRUCache.sizeCalculation(document)).toBeLessThan(2_000);
    expect(documentBytes(document)).toBeGreaterThan(30_000);
  });

  it("counts text beyond Latin-1 at two bytes a character", () => {
    expect(documentBytes(padded(1, "ж".repeat(10_000)))).toBeGreaterThan(20_000);
  });

  it("counts every token, which each keeps in memory with its nodes", () => {
    const document = parse(`{ health { ${"sandbox ".repeat(1000)}} }`);
    expect(documentBytes(document)).toBeGreaterThanOrEqual(1000 * 512);
  });

  it("keeps no more than its size in documents, the most recent first", async () => {
    const store = createDocumentStore(1024 * 1024);
    const documents = Array.from({ length: 100 }, (_, n) => padded(n, "x".repeat(30_000)));
    for (const [n, document] of documents.entries()) await store.set(`q${n}`, document);
    const kept = store.keys();
    expect(kept.length).toBeLessThan(documents.length);
    expect(kept).toContain("q99");
    const keptBytes = kept.reduce((sum, key) => sum + documentBytes(documents[Number(key.slice(1))]!), 0);
    expect(keptBytes).toBeLessThanOrEqual(1024 * 1024);
  });
});
