import { domainError, err, ok } from "@peykarband/domain";
import type { RequestContext } from "../shared/request-context.ts";
import { requestServerOperation } from "./request-server-operation.ts";
import type { ServerDeps } from "./server-deps.ts";
import type { ServerActionInput } from "./server-use-cases.contract.ts";
import type { ResizeServerErrorCode, ServerActionErrorCode } from "./server-errors.ts";

/**
 * Moves the server to another plan of its provider in its region; the hourly price follows the
 * plan from the moment the resize is done. Disks only grow (no provider shrinks one).
 */
export const resizeServer = (
  deps: ServerDeps,
  input: ServerActionInput & { planId: string },
  ctx: RequestContext,
) =>
  requestServerOperation<Exclude<ResizeServerErrorCode, ServerActionErrorCode>>(
    deps,
    {
      serverId: input.serverId,
      customerId: input.customerId ?? null,
      operation: "RESIZE",
      from: ["ACTIVE", "OFF"],
      interim: "RESIZING",
      targetId: input.planId,
      check: async (server) => {
        const [[plan], [current]] = await Promise.all([
          deps.catalog.plansByIds([input.planId]),
          deps.catalog.plansByIds([server.planId]),
        ]);
        if (!plan) return err(domainError("PLAN_NOT_FOUND", "There is no such plan.", ["planId"]));
        if (plan.id === server.planId) {
          return err(domainError("SAME_PLAN", "The server already has this plan.", ["planId"]));
        }
        const offer = plan.offers.find((o) => o.regionId === server.regionId);
        if (plan.provider !== server.provider || !offer?.isAvailable) {
          return err(
            domainError("PLAN_UNAVAILABLE", "This plan is not offered in the server's region now.", [
              "planId",
            ]),
          );
        }
        if (current && plan.diskGb < current.diskGb) {
          return err(
            domainError(
              "DISK_CANNOT_SHRINK",
              `The disk is ${current.diskGb} GB; the new plan has ${plan.diskGb} GB.`,
              ["planId"],
            ),
          );
        }
        const balance = await deps.ledger.balance(server.userId);
        if (balance.compare(plan.hourlyPrice) < 0) {
          return err(
            domainError(
              "INSUFFICIENT_FUNDS",
              `The wallet holds ${balance} rials; an hour of the new plan costs ${plan.hourlyPrice} rials.`,
              ["planId"],
            ),
          );
        }
        return ok(undefined);
      },
    },
    ctx,
  );
