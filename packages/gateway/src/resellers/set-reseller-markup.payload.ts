import { SET_RESELLER_MARKUP_ERROR_CODES, type SetResellerMarkupErrorCode } from "@peykarband/application";
import { Field, Int, ObjectType } from "type-graphql";
import { defineUserError, type UserErrorView } from "../schema/user-errors/user-error.factory.ts";

const SetResellerMarkupUserError = defineUserError("SetResellerMarkup", SET_RESELLER_MARKUP_ERROR_CODES);

@ObjectType("SetResellerMarkupPayload", { description: "The result of `setResellerMarkup`." })
export class SetResellerMarkupPayload {
  @Field(() => Int, {
    nullable: true,
    description: "The markup now in force, in basis points; null on failure.",
  })
  basisPoints!: number | null;

  @Field(() => [SetResellerMarkupUserError], { description: "Why the markup was not set; empty on success." })
  userErrors!: UserErrorView<SetResellerMarkupErrorCode>[];
}
