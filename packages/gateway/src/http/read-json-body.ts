import type { IncomingMessage } from "node:http";
import type { Readable, Transform } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";

/** Why a body was refused: status, `extensions.code` and message of the JSON error. */
interface BodyRefusal {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/** The parsed JSON, `undefined` when the request carries no body, or why it was refused. */
export type BodyOutcome = { readonly body: unknown } | { readonly refusal: BodyRefusal };

const refused = (status: number, code: string, message: string): BodyOutcome => ({
  refusal: { status, code, message },
});
const NOT_JSON = refused(
  415,
  "UNSUPPORTED_MEDIA_TYPE",
  "Send GraphQL requests as Content-Type: application/json.",
);
const TOO_LARGE = refused(413, "PAYLOAD_TOO_LARGE", "The request body is too large.");
const INVALID = refused(400, "BAD_REQUEST", "The request body is not valid JSON.");
const ABORTED = refused(400, "BAD_REQUEST", "The request was aborted.");

const DECODERS: Readonly<Record<string, () => Transform>> = {
  gzip: createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/** A body is there when the request says how long it is or that it is chunked (RFC 9112, 6.3). */
const hasBody = (req: IncomingMessage): boolean =>
  req.headers["transfer-encoding"] !== undefined || req.headers["content-length"] !== undefined;

/** `application/json` with no charset or UTF-8; anything else is a 415. */
function contentTypeRefusal(header: string | undefined): BodyOutcome | null {
  if (header === undefined) return NOT_JSON;
  const [mediaType, ...parameters] = header.split(";");
  if (mediaType!.trim().toLowerCase() !== "application/json") return NOT_JSON;
  for (const parameter of parameters) {
    const [name, value] = parameter.split("=");
    if (name?.trim().toLowerCase() !== "charset") continue;
    const charset = value?.trim().replace(/^"|"$/g, "").toLowerCase();
    if (charset !== "utf-8" && charset !== "utf8")
      return refused(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported charset.");
  }
  return null;
}

/** Strict JSON: an object or an array (a bare string or `null` is no GraphQL request); empty is `{}`. */
function parseStrict(text: string): BodyOutcome {
  const first = /\S/.exec(text)?.[0];
  if (first === undefined) return { body: {} };
  if (first !== "{" && first !== "[") return INVALID;
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return INVALID;
  }
}

/**
 * A body being read. Its listeners are anonymous and call these module functions: a closure
 * assigned to a name is named through Object.defineProperty on every request when tsx runs the
 * code (esbuild's keepNames). Once settled, the listeners ignore whatever else arrives.
 */
interface Reading {
  readonly req: IncomingMessage;
  readonly decoding: Transform | undefined;
  readonly limitBytes: number;
  readonly chunks: Buffer[];
  received: number;
  resolve: ((outcome: BodyOutcome) => void) | null;
}

function settle(reading: Reading, outcome: BodyOutcome): void {
  const resolve = reading.resolve;
  if (resolve === null) return;
  reading.resolve = null;
  reading.chunks.length = 0;
  if (reading.decoding) {
    reading.req.unpipe(reading.decoding);
    reading.decoding.destroy();
    // What is left of a refused body is read and dropped, so keep-alive can go on.
    reading.req.resume();
  }
  resolve(outcome);
}

function received(reading: Reading, chunk: Buffer): void {
  if (reading.resolve === null) return;
  reading.received += chunk.length;
  if (reading.received > reading.limitBytes) settle(reading, TOO_LARGE);
  else reading.chunks.push(chunk);
}

function ended(reading: Reading): void {
  if (reading.resolve === null) return;
  const { chunks } = reading;
  const text = chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8");
  settle(reading, parseStrict(text));
}

/**
 * The JSON body of a GraphQL request, read with the same rules express.json applied: JSON content
 * type only, gzip/deflate/br decoded, at most `limitBytes` once decoded, strict parsing. A refused
 * body is left unread; Node discards the rest once the response is sent.
 */
export function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<BodyOutcome> {
  if (!hasBody(req)) return Promise.resolve({ body: undefined });
  const typeRefusal = contentTypeRefusal(req.headers["content-type"]);
  if (typeRefusal) return Promise.resolve(typeRefusal);
  const encoding = (req.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  const decoder = encoding === "identity" ? undefined : DECODERS[encoding];
  if (encoding !== "identity" && !decoder)
    return Promise.resolve(refused(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported content encoding."));
  const declared = Number(req.headers["content-length"]);
  if (!decoder && declared > limitBytes) return Promise.resolve(TOO_LARGE);

  return new Promise((resolve) => {
    const decoding = decoder?.();
    const reading: Reading = { req, decoding, limitBytes, chunks: [], received: 0, resolve };
    const source: Readable = decoding ? req.pipe(decoding) : req;
    source
      .on("data", (chunk: Buffer) => received(reading, chunk))
      .on("end", () => ended(reading))
      .on("error", () => settle(reading, decoding ? INVALID : ABORTED));
    req.on("aborted", () => settle(reading, ABORTED));
  });
}
