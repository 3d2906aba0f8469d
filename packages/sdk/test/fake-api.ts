/** A GraphQL request as the client sent it, and what the fake answered. */
export interface SentRequest {
  readonly operationName: string;
  readonly variables: Record<string, unknown> & { input?: Record<string, unknown> };
  readonly authorization: string | null;
}

export type Answer = { status?: number; headers?: Record<string, string>; body?: unknown } | Error;

/**
 * A fetch that answers GraphQL requests from a function, and records them: enough to test the
 * client's behaviour on the wire without a server.
 */
export function fakeApi(answer: (request: SentRequest, attempt: number) => Answer) {
  const sent: SentRequest[] = [];
  const fetch: typeof globalThis.fetch = async (_input, init) => {
    init?.signal?.throwIfAborted();
    const body = JSON.parse(String(init?.body)) as Omit<SentRequest, "authorization">;
    const request = {
      operationName: body.operationName,
      variables: body.variables ?? {},
      authorization: new Headers(init?.headers).get("authorization"),
    };
    sent.push(request);
    const attempt = sent.filter((r) => r.operationName === request.operationName).length;
    const reply = answer(request, attempt);
    if (reply instanceof Error) throw reply;
    return new Response(JSON.stringify(reply.body ?? { errors: [{ message: "unavailable" }] }), {
      status: reply.status ?? 200,
      headers: { "content-type": "application/json", ...reply.headers },
    });
  };
  return { fetch, sent };
}

export const unauthenticated: Answer = {
  status: 401,
  body: { errors: [{ message: "expired", extensions: { code: "UNAUTHENTICATED" } }] },
};

export const viewerData = (email: string): Answer => ({
  body: {
    data: {
      viewer: {
        id: "VXNlcjox",
        email,
        phone: null,
        role: "CUSTOMER",
        twoFactorEnabled: false,
        createdAt: "2026-01-01T00:00:00Z",
      },
    },
  },
});
