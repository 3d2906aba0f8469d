import type { AuthChecker } from "type-graphql";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { forbidden, scopeMissing, unauthenticated } from "../graphql/gateway-errors.ts";
import { ANYONE, type CheckedRole } from "./access-rule.ts";
import { missingScope, ROOT_FIELD_SCOPES } from "./scope-rules.ts";

const ROOTS = new Set(["Query", "Mutation", "Subscription"]);

/**
 * ANYONE: open to all, API keys within their scope rule. Otherwise roles empty means "signed in",
 * else the viewer's role must be listed; a key is held to its scopes as well. Throws so the code
 * is ours.
 */
export const authChecker: AuthChecker<GraphQLContext, CheckedRole> = ({ context, info }, roles) => {
  const viewer = context.viewer;
  const apiKey = viewer?.apiKey;
  if (apiKey && ROOTS.has(info.parentType.name)) {
    const missing = missingScope(
      ROOT_FIELD_SCOPES[`${info.parentType.name}.${info.fieldName}`],
      apiKey.scopes,
    );
    if (missing !== undefined) throw scopeMissing(missing);
  }
  if (roles.includes(ANYONE)) return true;
  if (!viewer) throw unauthenticated();
  if (roles.length > 0 && !roles.includes(viewer.role)) throw forbidden();
  return true;
};
