import type { DomainError, Result, Server } from "@peykarband/domain";
import { Field, ObjectType } from "type-graphql";
import type { GraphQLContext } from "../context/graphql-context.ts";
import type { UserErrorCode } from "../i18n/user-error-catalog.ts";
import { toPayload, type PayloadView } from "../schema/user-errors/to-payload.ts";
import { defineUserError, type UserErrorView } from "../schema/user-errors/user-error.factory.ts";
import { ServerType } from "./server.type.ts";

export type ServerPayloadView<C extends UserErrorCode> = PayloadView<{
  server: ServerType | null;
  userErrors: UserErrorView<C>[];
}>;

/** The payload of a mutation on one server, from its use case's result. */
export const toServerPayload = <E extends DomainError<UserErrorCode>>(
  result: Result<{ server: Server }, E>,
  ctx: GraphQLContext,
): Promise<ServerPayloadView<E["code"]>> =>
  toPayload(result, ctx, (done) => ({ server: ServerType.from(done.server) }));

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
