import type { RequestContext } from "../shared/request-context.ts";
import { requestServerOperation } from "./request-server-operation.ts";
import type { ServerDeps } from "./server-deps.ts";
import type { ServerActionInput } from "./server-use-cases.contract.ts";

export const rebootServer = (deps: ServerDeps, input: ServerActionInput, ctx: RequestContext) =>
  requestServerOperation<never>(
    deps,
    {
      serverId: input.serverId,
      customerId: input.customerId ?? null,
      operation: "REBOOT",
      from: ["ACTIVE"],
      interim: "REBOOTING",
    },
    ctx,
  );
