import { CREATE_CUSTOMER_ERROR_CODES, type CreateCustomerErrorCode } from "@peykarband/application";
import { Field, ObjectType } from "type-graphql";
import { UserType } from "../accounts/user.type.ts";
import { defineUserError, type UserErrorView } from "../schema/user-errors/user-error.factory.ts";

const CreateCustomerUserError = defineUserError("CreateCustomer", CREATE_CUSTOMER_ERROR_CODES);

@ObjectType("CreateCustomerPayload", { description: "The result of `createCustomer`." })
export class CreateCustomerPayload {
  @Field(() => UserType, { nullable: true, description: "The new customer; null on failure." })
  customer!: UserType | null;

  @Field(() => [CreateCustomerUserError], { description: "Why no customer was created; empty on success." })
  userErrors!: UserErrorView<CreateCustomerErrorCode>[];
}
