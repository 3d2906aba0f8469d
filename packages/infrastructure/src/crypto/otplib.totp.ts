import type { Clock, Totp } from "@peykarband/application";
import { generateSecret, generateURI, verify } from "otplib";

const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** One step either side: authenticator clocks drift, and people type slowly. */
const TOLERANCE_SECONDS = PERIOD_SECONDS;

/** RFC 6238 TOTP (SHA-1, 30 s, 6 digits), what every authenticator app speaks. */
export class OtplibTotp implements Totp {
  constructor(
    private readonly clock: Clock,
    private readonly issuer: string,
  ) {}

  generateSecret(): string {
    return generateSecret();
  }

  keyUri(accountName: string, secret: string): string {
    return generateURI({
      issuer: this.issuer,
      label: accountName,
      secret,
      digits: DIGITS,
      period: PERIOD_SECONDS,
    });
  }

  async matchStep(secret: string, code: string): Promise<number | null> {
    if (!new RegExp(`^\\d{${DIGITS}}$`).test(code)) return null;
    const epoch = Math.floor(this.clock.now().getTime() / 1000);
    const result = await verify({
      secret,
      token: code,
      digits: DIGITS,
      period: PERIOD_SECONDS,
      epoch,
      epochTolerance: TOLERANCE_SECONDS,
    });
    return result.valid ? Math.floor(epoch / PERIOD_SECONDS) + result.delta : null;
  }
}
