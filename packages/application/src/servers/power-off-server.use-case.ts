import type { RequestContext } from "../shared/request-context.ts";
import { requestServerOperation } from "./request-server-operation.ts";
import type { ServerDeps } from "./server-deps.ts";
import type { ServerActionInput } from "./server-use-cases.contract.ts";

/** A graceful shutdown: the server stays ACTIVE (with POWER_OFF pending) until the provider reports it off. */
export const powerOffServer = (deps: ServerDeps, input: ServerActionInput, ctx: RequestContext) =>
  requestServerOperation<never>(
    deps,
    {
      serverId: input.serverId,
      customerId: input.customerId ?? null,
      operation: "POWER_OFF",
      from: ["ACTIVE"],
      interim: null,
    },
    ctx,
  );
