import {
  domainError,
  err,
  ok,
  parseServerName,
  planWithMarkup,
  ratesWithMarkup,
  serverOrderCharge,
  type DomainError,
  type Image,
  type Plan,
  type Region,
  type Result,
  type Server,
} from "@peykarband/domain";
import { recordAudit } from "../audit/record-audit.ts";
import { SERVER_JOB_NAMES } from "../ports/server.repository.ts";
import { requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import { parseIdempotencyKey } from "../wallet/idempotency-key.ts";
import { publishChange } from "./publish-change.ts";
import { markupFor } from "../resellers/reseller-prices.ts";
import { actingOwner } from "./server-access.ts";
import type { ServerDeps } from "./server-deps.ts";
import type { OrderServerErrorCode } from "./server-errors.ts";
import type { OrderServerInput } from "./server-use-cases.contract.ts";

type OrderResult = Result<{ server: Server }, DomainError<OrderServerErrorCode>>;

interface Choice {
  readonly plan: Plan;
  readonly region: Region;
  readonly image: Image;
}

/**
 * Orders a server: checks everything a user can get wrong, then writes the PENDING server, its
 * first hour's charge and its provisioning job in one transaction (the repository also settles
 * quota, wallet and idempotency key there, so concurrent orders cannot slip past them together).
 */
export async function orderServer(
  deps: ServerDeps,
  input: OrderServerInput,
  ctx: RequestContext,
): Promise<OrderResult> {
  requireViewer(ctx);
  const owner = await actingOwner(deps, input.customerId, ctx);
  if (!owner.ok) return owner;
  const userId = owner.value;
  const key = parseIdempotencyKey(input.idempotencyKey);
  if (!key.ok) return key;
  const name = parseServerName(input.name);
  if (!name.ok) return name;
  const choice = await checkChoice(deps, input);
  if (!choice.ok) return choice;
  const { region, image } = choice.value;
  // What the owner pays: a reseller's customer pays the reseller's prices.
  const markup = await markupFor(deps, userId);
  const plan = planWithMarkup(choice.value.plan, markup);
  const sshKeyIds = [...new Set(input.sshKeyIds)];
  if (sshKeyIds.length > deps.policy.maxSshKeysPerServer) {
    return err(
      domainError(
        "TOO_MANY_SSH_KEYS",
        `A server takes at most ${deps.policy.maxSshKeysPerServer} SSH keys.`,
        ["sshKeyIds"],
      ),
    );
  }
  if (sshKeyIds.length > 0) {
    const keys = await deps.sshKeys.findByIds(userId, sshKeyIds);
    if (keys.length !== sshKeyIds.length) {
      return err(
        domainError("SSH_KEY_NOT_FOUND", "One of the SSH keys is not yours or does not exist.", [
          "sshKeyIds",
        ]),
      );
    }
  }

  const at = deps.clock.now();
  const server: Server = {
    id: deps.ids.newId(),
    userId,
    name: name.value,
    status: "PENDING",
    provider: region.provider,
    planId: plan.id,
    regionId: region.id,
    imageId: image.id,
    sshKeyIds,
    providerServerId: null,
    ipv4: null,
    ipv6: null,
    pendingOperation: null,
    failureReason: null,
    version: 1,
    idempotencyKey: key.value,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
  };
  const quotaLimit = (await deps.servers.quotaOverride(userId)) ?? deps.policy.defaultQuota;
  const outcome = await deps.servers.placeOrder({
    server,
    charge: serverOrderCharge({
      id: deps.ids.newId(),
      serverId: server.id,
      userId: server.userId,
      serverName: server.name,
      amount: plan.hourlyPrice,
      at,
    }),
    rate: { startsAt: at, ...ratesWithMarkup(choice.value.plan, markup) },
    quotaLimit,
    job: { name: SERVER_JOB_NAMES.provision, data: { serverId: server.id, operation: "PROVISION" } },
  });

  switch (outcome.status) {
    case "PLACED":
      await publishChange(deps, {
        serverId: outcome.server.id,
        userId: outcome.server.userId,
        status: outcome.server.status,
        previousStatus: null,
        version: outcome.server.version,
        reason: null,
        occurredAt: outcome.server.createdAt,
      });
      await recordAudit(deps, ctx, "SERVER_ORDERED", {
        subjectId: server.userId,
        details: { serverId: server.id, planId: plan.id, regionId: region.id, imageId: image.id },
      });
      return ok({ server: outcome.server });
    case "DUPLICATE":
      return sameOrder(outcome.server, { ...server, sshKeyIds })
        ? ok({ server: outcome.server })
        : err(
            domainError("IDEMPOTENCY_KEY_REUSED", "This idempotency key was used for another order.", [
              "idempotencyKey",
            ]),
          );
    case "QUOTA_EXCEEDED":
      return err(domainError("QUOTA_EXCEEDED", `You may have at most ${outcome.limit} servers.`));
    case "INSUFFICIENT_FUNDS":
      return err(
        domainError(
          "INSUFFICIENT_FUNDS",
          `The wallet holds ${outcome.balance} rials; the first hour costs ${plan.hourlyPrice} rials.`,
          ["planId"],
        ),
      );
  }
}

function sameOrder(stored: Server, asked: Server): boolean {
  const keys = (s: Server) => [...s.sshKeyIds].sort().join(",");
  return (
    stored.name === asked.name &&
    stored.planId === asked.planId &&
    stored.regionId === asked.regionId &&
    stored.imageId === asked.imageId &&
    keys(stored) === keys(asked)
  );
}

async function checkChoice(
  deps: ServerDeps,
  input: OrderServerInput,
): Promise<Result<Choice, DomainError<OrderServerErrorCode>>> {
  const [[plan], [region], [image]] = await Promise.all([
    deps.catalog.plansByIds([input.planId]),
    deps.catalog.regionsByIds([input.regionId]),
    deps.catalog.imagesByIds([input.imageId]),
  ]);
  if (!plan) return err(domainError("PLAN_NOT_FOUND", "There is no such plan.", ["planId"]));
  if (!region) return err(domainError("REGION_NOT_FOUND", "There is no such region.", ["regionId"]));
  if (!image) return err(domainError("IMAGE_NOT_FOUND", "There is no such image.", ["imageId"]));
  const offer = plan.offers.find((o) => o.regionId === region.id);
  if (
    plan.provider !== region.provider ||
    !offer?.isAvailable ||
    !region.isAvailable ||
    !deps.providers[region.provider]
  ) {
    return err(
      domainError("PLAN_UNAVAILABLE", "This plan cannot be ordered in this region now.", ["planId"]),
    );
  }
  if (!image.providerImages[region.provider]) {
    return err(domainError("IMAGE_UNAVAILABLE", "This image is not offered in this region.", ["imageId"]));
  }
  return ok({ plan, region, image });
}
