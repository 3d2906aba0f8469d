/** What a POST to an endpoint got back. */
export type WebhookAnswer =
  | { readonly kind: "ANSWERED"; readonly status: number; readonly responseTimeMs: number }
  /** No answer: timeout, refused connection, TLS failure, or an address we may not call. */
  | { readonly kind: "FAILED"; readonly reason: string; readonly responseTimeMs: number | null };

/**
 * POSTs to endpoints. Outside the sandbox the adapter resolves the host, refuses loopback, private,
 * link-local and other internal addresses, and connects to the address it checked, so a DNS answer
 * that changes between the check and the connection cannot reach inside.
 */
export interface WebhookSender {
  post(request: {
    readonly url: string;
    readonly body: string;
    readonly headers: Readonly<Record<string, string>>;
  }): Promise<WebhookAnswer>;
  /** Whether the URL's host resolves to addresses we may call: checked when an endpoint is created. */
  check(url: URL): Promise<"ALLOWED" | "FORBIDDEN" | "UNRESOLVABLE">;
}

/** HMAC-SHA256, as lower-case hex: the delivery's signature. */
export interface WebhookSigner {
  hmacSha256Hex(secret: string, message: string): string;
}
