import type { RequestContext } from "../shared/request-context.ts";
import { requestServerOperation } from "./request-server-operation.ts";
import type { ServerDeps } from "./server-deps.ts";
import type { ServerActionInput } from "./server-use-cases.contract.ts";

/**
 * From any live state, including a server still being created: its provisioning job then finds it
 * DELETING and stops, and the delete job removes whatever the provider has under our id.
 */
export const deleteServer = (deps: ServerDeps, input: ServerActionInput, ctx: RequestContext) =>
  requestServerOperation<never>(
    deps,
    {
      serverId: input.serverId,
      customerId: input.customerId ?? null,
      operation: "DELETE",
      from: ["ACTIVE", "OFF", "FAILED", "PENDING", "PROVISIONING", "SUSPENDED"],
      interim: "DELETING",
    },
    ctx,
  );
