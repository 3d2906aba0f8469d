import type { RequestContext } from "../shared/request-context.ts";
import { requestServerOperation } from "./request-server-operation.ts";
import type { ServerDeps } from "./server-deps.ts";
import type { ServerActionInput } from "./server-use-cases.contract.ts";

/** The server stays OFF (with POWER_ON pending) until the provider reports it running. */
export const powerOnServer = (deps: ServerDeps, input: ServerActionInput, ctx: RequestContext) =>
  requestServerOperation<never>(
    deps,
    {
      serverId: input.serverId,
      customerId: input.customerId ?? null,
      operation: "POWER_ON",
      from: ["OFF"],
      interim: null,
    },
    ctx,
  );
