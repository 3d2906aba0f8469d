import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import type { DocumentNode } from "graphql";

/**
 * Memory a parsed document keeps per lexical token: the token itself (every node's location
 * holds the whole doubly linked token list) and its share of AST nodes, names and locations.
 * Measured on graphql 16 with --expose-gc: 270 to 510 bytes for our operations and for
 * documents of nothing but fields, so the upper end.
 */
const BYTES_PER_TOKEN = 512;
const WIDER_THAN_LATIN1 = /[\u0100-\uffff]/;

/**
 * What a parsed document really holds in memory: its source text (every location points at it,
 * comments included) and its tokens. Apollo's default sizes a document by its JSON, in which a
 * location is two numbers: a 700 KB comment then counts as nothing and a 30 MB cache holds gigabytes.
 */
export function documentBytes(document: DocumentNode): number {
  const text = document.loc?.source.body ?? "";
  // V8 keeps a string of Latin-1 characters in one byte each, any other in two.
  const bytesPerChar = WIDER_THAN_LATIN1.test(text) ? 2 : 1;
  let tokens = 0;
  for (let token = document.loc?.startToken ?? null; token !== null; token = token.next) tokens++;
  return text.length * bytesPerChar + tokens * BYTES_PER_TOKEN;
}

/** Apollo's cache of parsed and validated documents, bounded by the memory they really take. */
export function createDocumentStore(maxBytes: number): InMemoryLRUCache<DocumentNode> {
  return new InMemoryLRUCache<DocumentNode>({ maxSize: maxBytes, sizeCalculation: documentBytes });
}
