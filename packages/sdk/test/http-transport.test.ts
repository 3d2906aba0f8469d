import { gql } from "graphql-tag";
import { describe, expect, it } from "vitest";
import { ClientError } from "../src/errors.ts";
import { httpTransport } from "../src/http-transport.ts";

const ViewerEmail = gql`
  query ViewerEmail {
    viewer {
      email
    }
  }
`;

function recordingFetch(answer: () => Response) {
  const sent: { headers: Headers; body: { query: string; operationName?: string; variables?: unknown } }[] =
    [];
  const fetch: typeof globalThis.fetch = async (_url, init) => {
    sent.push({ headers: new Headers(init?.headers), body: JSON.parse(String(init?.body)) });
    return answer();
  };
  return { fetch, sent };
}

describe("httpTransport", () => {
  it("posts the printed document with its operation name and merged headers, and resolves to data", async () => {
    const api = recordingFetch(() => Response.json({ data: { viewer: { email: "a@example.com" } } }));
    const transport = httpTransport("http://api.test/graphql", api.fetch, { "Accept-Language": "fa" });
    const data = await transport.request({
      document: ViewerEmail,
      variables: {},
      requestHeaders: { authorization: "Bearer t" },
    });
    expect(data).toEqual({ viewer: { email: "a@example.com" } });
    expect(api.sent[0]?.body).toEqual({
      query: expect.stringContaining("viewer"),
      variables: {},
      operationName: "ViewerEmail",
    });
    expect(Object.fromEntries(api.sent[0]!.headers)).toMatchObject({
      "accept-language": "fa",
      authorization: "Bearer t",
      "content-type": "application/json",
    });
  });

  it("rejects with a ClientError carrying the errors and the HTTP status", async () => {
    const refusal = { errors: [{ message: "expired", extensions: { code: "UNAUTHENTICATED" } }] };
    const transport = httpTransport(
      "http://api.test/graphql",
      recordingFetch(() => Response.json(refusal, { status: 401 })).fetch,
    );
    const error = await transport.request({ document: ViewerEmail }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).response).toMatchObject({ status: 401, errors: refusal.errors });

    const ok200 = httpTransport(
      "http://api.test/graphql",
      recordingFetch(() => Response.json({ data: null, ...refusal })).fetch,
    );
    await expect(ok200.request({ document: ViewerEmail })).rejects.toBeInstanceOf(ClientError);
  });

  it("rejects with a ClientError holding the body when a proxy answers an error page", async () => {
    const page = () => new Response("<html>Bad Gateway</html>", { status: 502 });
    const error = await httpTransport("http://api.test/graphql", recordingFetch(page).fetch)
      .request({ document: ViewerEmail })
      .catch((e: unknown) => e);
    expect((error as ClientError).response).toMatchObject({ status: 502, body: "<html>Bad Gateway</html>" });
  });
});
