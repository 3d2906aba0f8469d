import {
  ClientError,
  createPeykarbandClient,
  errorCodes,
  type PeykarbandClient,
  type PeykarbandClientOptions,
} from "@peykarband/sdk";
import type { FormattedExecutionResult } from "graphql";
import WebSocket from "ws";

/** What the gateway answered, as the wire carried it: the SDK's methods return `data` only. */
interface RecordedResponse {
  readonly status: number;
  readonly body: FormattedExecutionResult | null;
}

export interface TestSdkClient extends PeykarbandClient {
  /** Every HTTP response this client received, oldest first. */
  readonly responses: readonly RecordedResponse[];
  /** The latest HTTP response, to assert on status codes and `extensions`. */
  lastResponse(): RecordedResponse;
}

export type TestSdkOptions = Partial<PeykarbandClientOptions> & {
  /** Send exactly this access token on every request, with no session handling around it. */
  readonly bearer?: string;
};

/**
 * The generated SDK as partners use it, pointed at a test app, with Node's `ws` for subscriptions
 * and no reconnects or retries (a refused request must fail the test, not retry). Without `session` or
 * `bearer` it starts anonymous; it stores the session of a sign-up, sign-in or refresh it makes.
 */
export function createTestSdk(url: string, options: TestSdkOptions = {}): TestSdkClient {
  const { bearer, ...rest } = options;
  const responses: RecordedResponse[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const body = (await response
      .clone()
      .json()
      .catch(() => null)) as FormattedExecutionResult | null;
    responses.push({ status: response.status, body });
    return response;
  };
  const client = createPeykarbandClient({
    url,
    fetch: recordingFetch,
    webSocketImpl: WebSocket,
    webSocketOptions: { retryAttempts: 0 },
    retry: { retries: 0 },
    ...rest,
    headers: { ...rest.headers, ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
  });
  return Object.assign(client, {
    responses,
    lastResponse: () => {
      const last = responses.at(-1);
      if (!last) throw new Error("no response recorded yet");
      return last;
    },
  });
}

/** The ClientError a call rejects with; fails when it resolves or rejects with something else. */
export async function rejectionOf(call: Promise<unknown>): Promise<ClientError & { codes: string[] }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ClientError) return Object.assign(error, { codes: errorCodes(error) });
    throw error;
  }
  throw new Error("expected the call to fail with a top-level GraphQL error");
}
