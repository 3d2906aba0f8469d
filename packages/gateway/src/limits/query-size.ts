import { GraphQLError } from "graphql";

/** UTF-8 takes at least one byte per UTF-16 unit and at most three. */
function utf8BytesOver(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return Buffer.byteLength(text, "utf8") > maxBytes;
}

/**
 * QUERY_TOO_LARGE when the document text is over the limit, else null. Checked before parsing and
 * before the document cache: our largest operation is a few kilobytes, and a padded one (a long
 * comment, values written inline) is only there to fill memory.
 */
export function refuseLargeQuery(query: unknown, maxBytes: number): GraphQLError | null {
  if (typeof query !== "string" || !utf8BytesOver(query, maxBytes)) return null;
  return new GraphQLError(
    `The query text is over ${maxBytes} bytes. Send values as variables rather than inline.`,
    { extensions: { code: "QUERY_TOO_LARGE", http: { status: 413 } } },
  );
}
