import { MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { TEXT_LIMITS } from "../limits/query-limits.ts";

@InputType("RefreshSessionInput", { description: "The refresh token to trade for a new token pair." })
export class RefreshSessionInput {
  @Field(() => String, { description: "The latest refresh token of the session. Single use." })
  @MaxLength(TEXT_LIMITS.token)
  refreshToken!: string;
}
