import type { Role } from "@peykarband/domain";
import type { AuthChecker } from "type-graphql";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { forbidden, unauthenticated } from "../graphql/gateway-errors.ts";

/** Roles empty means "signed in"; otherwise the viewer's role must be listed. Throws so the code is ours. */
export const authChecker: AuthChecker<GraphQLContext, Role> = ({ context }, roles) => {
  if (!context.viewer) throw unauthenticated();
  if (roles.length > 0 && !roles.includes(context.viewer.role)) throw forbidden();
  return true;
};
