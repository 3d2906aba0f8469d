import type { User } from "@peykarband/domain";

/** What a successful sign-in, sign-up or refresh hands to the client. */
export interface SessionGrant {
  readonly accessToken: string;
  readonly accessTokenExpiresAt: Date;
  readonly refreshToken: string;
  readonly refreshTokenExpiresAt: Date;
  readonly user: User;
}
