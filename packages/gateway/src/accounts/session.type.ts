import type { SessionGrant } from "@peykarband/application";
import { Field, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../schema/scalars/date-time.scalar.ts";
import { UserType } from "./user.type.ts";

@ObjectType("Session", { description: "Credentials for a signed-in user. Keep the refresh token secret." })
export class SessionType {
  @Field(() => String, {
    description:
      "Short-lived token for `Authorization: Bearer …` (HTTP) or connection_init `authorization` (WebSocket).",
  })
  accessToken!: string;

  @Field(() => DateTimeScalar, { description: "When the access token stops working; refresh before then." })
  accessTokenExpiresAt!: Date;

  @Field(() => String, {
    description: "Single-use token for `refreshSession`. Using one twice ends the whole session.",
  })
  refreshToken!: string;

  @Field(() => DateTimeScalar, { description: "When the refresh token expires if unused." })
  refreshTokenExpiresAt!: Date;

  @Field(() => UserType, { description: "The signed-in user." })
  user!: UserType;

  static from(grant: SessionGrant): SessionType {
    return Object.assign(new SessionType(), {
      accessToken: grant.accessToken,
      accessTokenExpiresAt: grant.accessTokenExpiresAt,
      refreshToken: grant.refreshToken,
      refreshTokenExpiresAt: grant.refreshTokenExpiresAt,
      user: UserType.from(grant.user),
    });
  }
}
