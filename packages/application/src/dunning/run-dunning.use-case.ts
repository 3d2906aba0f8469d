import {
  nextDunningStep,
  walletRunsOutAt,
  type DunningEpisode,
  type DunningStage,
  type Notice,
} from "@peykarband/domain";
import { recordAudit } from "../audit/record-audit.ts";
import type { EpisodeMove } from "../ports/dunning.repository.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { DunningDeps } from "./dunning-deps.ts";
import { RESUME, SUSPEND, sweepServers, TERMINATE } from "./dunning-server-sweeps.ts";
import { noticeMessages } from "../notifications/notice-messages.ts";

export interface DunningReport {
  readonly customers: number;
  /** Stage changes this run made (another run's are not counted). */
  readonly moves: number;
}

/**
 * The `billing.dunning` job (docs/billing.md, Dunning): for every customer with accruing servers
 * or an open episode, the next stage by the wallet's runway, its notices, and the server work the
 * stage calls for. Every write is compare-and-set, so a re-run or a second worker repeats nothing.
 */
export async function runDunning(deps: DunningDeps, ctx: RequestContext): Promise<DunningReport> {
  const customers = await deps.dunning.customers();
  let moves = 0;
  for (const userId of customers) moves += await dunCustomer(deps, userId, ctx);
  return { customers: customers.length, moves };
}

async function dunCustomer(deps: DunningDeps, userId: string, ctx: RequestContext): Promise<number> {
  const now = deps.clock.now();
  const episode = await deps.dunning.openEpisode(userId);
  const [balance, meters] = await Promise.all([deps.ledger.balance(userId), deps.billing.openMeters(userId)]);
  const step = nextDunningStep(
    episode,
    { runsOutAt: walletRunsOutAt(balance, meters, now, deps.vatRate) },
    now,
    deps.settings,
  );

  let moved = false;
  const episodeId = episode?.id ?? deps.ids.newId();
  const move = async (
    change: Omit<EpisodeMove, "userId" | "episodeId" | "at" | "notifications">,
    notice?: Notice,
  ) => {
    const notifications = notice
      ? noticeMessages(
          deps,
          { userId, cause: `dunning:${episodeId}`, contact: await deps.dunning.contact(userId), at: now },
          notice,
        )
      : [];
    moved = await deps.dunning.move({ ...change, userId, episodeId, at: now, notifications });
    if (moved) {
      await recordAudit(deps, ctx, "DUNNING_STAGE_CHANGED", {
        actorId: null,
        subjectId: userId,
        details: {
          episodeId,
          from: change.from ?? "NONE",
          to: change.to,
          ...(notice ? { notice: notice.kind } : {}),
        },
      });
    }
  };
  switch (step.kind) {
    case "ADVANCE":
      await move(
        {
          from: step.from,
          to: step.to,
          ...(step.graceEndsAt ? { graceEndsAt: step.graceEndsAt } : {}),
          ...(step.terminatesAt ? { terminatesAt: step.terminatesAt } : {}),
        },
        step.notice,
      );
      break;
    case "WARN_TERMINATION":
      await move({ from: "SUSPENDED", to: "SUSPENDED", terminationWarned: true }, step.notice);
      break;
    case "CLOSE":
      await move({ from: step.from, to: "CLOSED" });
      break;
    case "NONE":
      break;
  }

  // The server work of the stage the episode is in now, whoever moved it there.
  const current = moved || step.kind !== "NONE" ? await deps.dunning.openEpisode(userId) : episode;
  if (current) await finishStage(deps, current, ctx);
  return moved ? 1 : 0;
}

async function finishStage(deps: DunningDeps, episode: DunningEpisode, ctx: RequestContext): Promise<void> {
  const close = async (from: DunningStage) => {
    const closed = await deps.dunning.move({
      userId: episode.userId,
      episodeId: episode.id,
      from,
      to: "CLOSED",
      at: deps.clock.now(),
      notifications: [],
    });
    if (closed) {
      await recordAudit(deps, ctx, "DUNNING_STAGE_CHANGED", {
        actorId: null,
        subjectId: episode.userId,
        details: { episodeId: episode.id, from, to: "CLOSED" },
      });
    }
  };
  switch (episode.stage) {
    case "SUSPENDED":
      await sweepServers(deps, episode.userId, SUSPEND, ctx);
      return;
    case "TERMINATING": {
      const left = await sweepServers(deps, episode.userId, TERMINATE, ctx);
      const live = await deps.servers.listLive(episode.userId, 1_000);
      // Closed once every server is DELETED: a DELETING one still accrues, and a closed episode
      // with a spent balance would open the next one.
      if (left.length === 0 && live.every((s) => s.status === "FAILED")) {
        await close("TERMINATING");
      }
      return;
    }
    case "RESUMING": {
      await sweepServers(deps, episode.userId, RESUME, ctx);
      const live = await deps.servers.listLive(episode.userId, 1_000);
      if (live.every((s) => s.status !== "SUSPENDED")) await close("RESUMING");
      return;
    }
    case "WARNED":
    case "GRACE":
      return;
  }
}
