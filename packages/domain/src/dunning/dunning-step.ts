import type { Notice } from "../notification/notice.ts";
import type { DunningEpisode, DunningStage } from "./dunning-episode.ts";
import type { DunningSettings } from "./dunning-settings.ts";

/**
 * The one move an episode makes now. `from` is the stage it must still be in (null: no episode
 * yet), so two workers deciding the same move write it once.
 */
export type DunningStep =
  | { readonly kind: "NONE" }
  /** Ends the episode without a notice (funded again before anything happened to a server). */
  | { readonly kind: "CLOSE"; readonly from: DunningStage }
  | {
      readonly kind: "ADVANCE";
      readonly from: DunningStage | null;
      readonly to: DunningStage;
      readonly notice: Notice;
      readonly graceEndsAt?: Date;
      readonly terminatesAt?: Date;
    }
  /** Stays SUSPENDED; the last warning before deletion goes out. */
  | { readonly kind: "WARN_TERMINATION"; readonly notice: Notice };

export interface WalletOutlook {
  /** Wallet.runsOutAt: null when nothing accrues; `now` or earlier when the balance is spent. */
  readonly runsOutAt: Date | null;
}

const NONE: DunningStep = { kind: "NONE" };

/**
 * What dunning does next for one customer (docs/billing.md, Dunning). Server work that follows a
 * stage (powering off, deleting, powering on) is repeated by the caller until done; this decides
 * the stages and their notices only.
 */
export function nextDunningStep(
  episode: DunningEpisode | null,
  outlook: WalletOutlook,
  now: Date,
  settings: DunningSettings,
): DunningStep {
  const { runsOutAt } = outlook;
  const spent = runsOutAt !== null && runsOutAt.getTime() <= now.getTime();
  const runsLow = runsOutAt !== null && runsOutAt.getTime() <= now.getTime() + settings.noticeWindowMs;
  const stage = episode?.stage ?? null;
  const graceFromNow = () => new Date(now.getTime() + settings.graceMs);
  // Nothing accrues any more (the customer deleted every server): nothing left to dun.
  if (runsOutAt === null && (stage === "WARNED" || stage === "GRACE" || stage === "SUSPENDED")) {
    return { kind: "CLOSE", from: stage };
  }

  switch (stage) {
    case null:
      if (spent) return inDebt(null, graceFromNow());
      if (runsLow)
        return {
          kind: "ADVANCE",
          from: null,
          to: "WARNED",
          notice: { kind: "WALLET_RUNNING_LOW", runsOutAt },
        };
      return NONE;
    case "WARNED":
      if (spent) return inDebt("WARNED", graceFromNow());
      return runsLow ? NONE : { kind: "CLOSE", from: "WARNED" };
    case "GRACE":
      if (!spent) return { kind: "CLOSE", from: "GRACE" };
      if (now.getTime() < episode!.graceEndsAt!.getTime()) return NONE;
      {
        const terminatesAt = new Date(now.getTime() + settings.terminateAfterMs);
        return {
          kind: "ADVANCE",
          from: "GRACE",
          to: "SUSPENDED",
          notice: { kind: "SERVERS_SUSPENDED", terminatesAt },
          terminatesAt,
        };
      }
    case "SUSPENDED": {
      if (!spent)
        return { kind: "ADVANCE", from: "SUSPENDED", to: "RESUMING", notice: { kind: "SERVERS_RESUMED" } };
      const terminatesAt = episode!.terminatesAt!;
      if (now.getTime() >= terminatesAt.getTime()) {
        return {
          kind: "ADVANCE",
          from: "SUSPENDED",
          to: "TERMINATING",
          notice: { kind: "SERVERS_TERMINATED" },
        };
      }
      const warnFrom = terminatesAt.getTime() - settings.terminationWarningMs;
      if (episode!.terminationWarnedAt === null && now.getTime() >= warnFrom) {
        return { kind: "WARN_TERMINATION", notice: { kind: "TERMINATION_SOON", terminatesAt } };
      }
      return NONE;
    }
    case "TERMINATING":
    case "RESUMING":
      // Finished by the caller once no server is left to delete or to power on.
      return NONE;
  }
}

function inDebt(from: "WARNED" | null, graceEndsAt: Date): DunningStep {
  return {
    kind: "ADVANCE",
    from,
    to: "GRACE",
    notice: { kind: "WALLET_IN_DEBT", suspendsAt: graceEndsAt },
    graceEndsAt,
  };
}
