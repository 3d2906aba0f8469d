/** The header each delivery carries, as Stripe's `Stripe-Signature`. */
export const WEBHOOK_SIGNATURE_HEADER = "Peykarband-Signature";

/** Whole seconds since the epoch: the `t` that is signed. */
export const signatureTimestamp = (at: Date): number => Math.floor(at.getTime() / 1000);

/** What is signed: the timestamp, a dot, and the raw body, so a body cannot be replayed with another time. */
export const signedPayload = (timestamp: number, body: string): string => `${timestamp}.${body}`;

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of signedPayload>`, what the SDK's verifyWebhook reads. */
export const signatureHeader = (timestamp: number, hexHmac: string): string => `t=${timestamp},v1=${hexHmac}`;
