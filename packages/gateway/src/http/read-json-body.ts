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
    const source: Readable = decoding ? req.pipe(decoding) : req;
    const chunks: Buffer[] = [];
    let received = 0;
    const finish = (outcome: BodyOutcome) => {
      source.off("data", onData).off("end", onEnd).off("error", onError);
      req.off("aborted", onAborted);
      if (decoding) {
        req.unpipe(decoding);
        decoding.destroy();
        // What is left of a refused body is read and dropped, so keep-alive can go on.
        req.resume();
      }
      resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limitBytes) finish(TOO_LARGE);
      else chunks.push(chunk);
    };
    const onEnd = () =>
      finish(
        parseStrict(
          chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8"),
        ),
      );
    const onError = () =>
      finish(decoding ? INVALID : refused(400, "BAD_REQUEST", "The request was aborted."));
    const onAborted = () => finish(refused(400, "BAD_REQUEST", "The request was aborted."));
    source.on("data", onData).on("end", onEnd).on("error", onError);
    req.on("aborted", onAborted);
  });
}
