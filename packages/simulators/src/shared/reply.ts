/** What a route answers; the server writes it, or withholds or mangles it when a fault says so. */
export interface Reply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: string;
}

export function jsonReply(status: number, value: unknown): Reply {
  return { status, headers: { "content-type": "application/json" }, body: JSON.stringify(value) };
}

export function htmlReply(status: number, html: string): Reply {
  return { status, headers: { "content-type": "text/html; charset=utf-8" }, body: html };
}

export function redirectReply(location: string): Reply {
  return { status: 302, headers: { location }, body: "" };
}

/** What a proxy in front of a gateway sends while the application behind it is down. */
export const PROXY_UNAVAILABLE: Reply = htmlReply(
  503,
  "<html><head><title>503 Service Temporarily Unavailable</title></head><body>" +
    "<center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>",
);

/** A 200 whose body is cut mid-way: still labelled JSON, no longer parseable as it. */
export function garbled(reply: Reply): Reply {
  return {
    status: 200,
    headers: reply.headers,
    body: `${reply.body.slice(0, reply.body.length >> 1)}\u0000<`,
  };
}
