/** Authenticated encryption for secrets kept at rest (TOTP secrets). */
export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
}
