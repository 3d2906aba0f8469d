import type { ApiScope } from "@peykarband/domain";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { scopeMissing } from "../graphql/gateway-errors.ts";

/**
 * For the few fields below the root that open another scope's data (a wallet under `viewer`):
 * an API key needs that scope there too. Sessions pass.
 */
export function requireKeyScope(ctx: GraphQLContext, scope: ApiScope): void {
  const apiKey = ctx.viewer?.apiKey;
  if (apiKey && !apiKey.scopes.includes(scope)) throw scopeMissing(scope);
}
