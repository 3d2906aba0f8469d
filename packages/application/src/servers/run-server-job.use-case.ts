import type { RequestContext } from "../shared/request-context.ts";
import { operateServer } from "./operate-server.ts";
import { provisionServer } from "./provision-server.ts";
import type { ServerDeps } from "./server-deps.ts";
import type { ServerJobReport, ServerJobRun } from "./server-use-cases.contract.ts";

/** The worker's entry for servers.provision and servers.operate. Throws to have the job retried. */
export function runServerJob(
  deps: ServerDeps,
  job: ServerJobRun,
  _ctx: RequestContext,
): Promise<ServerJobReport> {
  return job.operation === "PROVISION"
    ? provisionServer(deps, job)
    : operateServer(deps, { ...job, operation: job.operation });
}
