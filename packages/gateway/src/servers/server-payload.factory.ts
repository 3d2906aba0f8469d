import { Field, ObjectType } from "type-graphql";
import type { UserErrorCode } from "../i18n/user-error-catalog.ts";
import { defineUserError, type UserErrorView } from "../schema/user-errors/user-error.factory.ts";
import { ServerType } from "./server.type.ts";

export interface ServerPayloadView<C extends UserErrorCode> {
  server: ServerType | null;
  userErrors: UserErrorView<C>[];
}

/**
 * The payload of a mutation that acts on one server (`XPayload { server, userErrors }`), with its
 * own `XErrorCode` enum built from the use case's codes.
 */
export function defineServerPayload<C extends UserErrorCode>(
  mutation: string,
  codes: readonly C[],
  serverDescription: string,
) {
  const UserError = defineUserError(mutation, codes);

  @ObjectType(`${mutation}Payload`, {
    description: `The result of \`${mutation.charAt(0).toLowerCase()}${mutation.slice(1)}\`.`,
  })
  class Payload implements ServerPayloadView<C> {
    @Field(() => ServerType, { nullable: true, description: serverDescription })
    server!: ServerType | null;

    @Field(() => [UserError], { description: "Why nothing was done; empty on success." })
    userErrors!: UserErrorView<C>[];
  }
  return Payload;
}
