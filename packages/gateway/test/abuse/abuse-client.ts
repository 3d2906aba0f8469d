export interface RawResponse {
  readonly status: number;
  readonly contentType: string | null;
  /** The raw text, to look for leaked stacks and reflected input. */
  readonly text: string;
  /** Parsed JSON, or null when the body is not JSON (which is itself a failure for us). */
  readonly json: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
    extensions?: Record<string, unknown>;
  } | null;
}

export interface SendOptions {
  readonly contentType?: string | null;
  readonly token?: string;
  readonly headers?: Record<string, string>;
}

/**
 * A raw POST. Unlike support/graphql-client.ts it never throws on a body that is not JSON: an HTML
 * error page is a finding to assert on, not a crash of the test.
 */
export async function send(url: string, body: string, options: SendOptions = {}): Promise<RawResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.contentType !== null) headers["content-type"] = options.contentType ?? "application/json";
  if (options.token) headers["authorization"] = `Bearer ${options.token}`;
  const response = await fetch(url, { method: "POST", headers, body });
  const text = await response.text();
  let json: RawResponse["json"];
  try {
    json = JSON.parse(text) as RawResponse["json"];
  } catch {
    json = null;
  }
  return { status: response.status, contentType: response.headers.get("content-type"), text, json };
}

export const sendGraphQL = (
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: SendOptions & { operationName?: string } = {},
): Promise<RawResponse> =>
  send(
    url,
    JSON.stringify({
      query,
      variables,
      ...(options.operationName ? { operationName: options.operationName } : {}),
    }),
    options,
  );

export const codeOf = (response: RawResponse): unknown => response.json?.errors?.[0]?.extensions?.["code"];

/** The one userErrors code of a mutation's payload, or undefined. */
export function userErrorCodes(response: RawResponse, field: string): string[] {
  const payload = response.json?.data?.[field] as { userErrors?: { code: string }[] } | null | undefined;
  return payload?.userErrors?.map((error) => error.code) ?? [];
}

/** A response that is a clean refusal or an answer: JSON, no 5xx, nothing from inside the server. */
export function assertClean(response: RawResponse): void {
  if (response.status >= 500) throw new Error(`HTTP ${response.status}: ${response.text.slice(0, 500)}`);
  if (response.json === null)
    throw new Error(`not JSON (HTTP ${response.status}): ${response.text.slice(0, 200)}`);
  if (!response.contentType?.includes("json")) throw new Error(`content-type ${response.contentType}`);
  if (/\bat [\w.<>]+ \(|node_modules|\.ts:\d+/.test(response.text)) {
    throw new Error(`leaks a stack: ${response.text.slice(0, 300)}`);
  }
  if (codeOf(response) === "INTERNAL_SERVER_ERROR") throw new Error(`internal error: ${response.text}`);
}
