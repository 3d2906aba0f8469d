/** Signs short texts for links that carry their own authority (an HMAC of the text). */
export interface LinkSigner {
  sign(text: string): string;
  /** Constant time. */
  verify(text: string, signature: string): boolean;
}
