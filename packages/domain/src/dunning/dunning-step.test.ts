import { describe, expect, it } from "vitest";
import type { DunningEpisode, DunningStage } from "./dunning-episode.ts";
import { DEFAULT_DUNNING_SETTINGS as settings } from "./dunning-settings.ts";
import { nextDunningStep } from "./dunning-step.ts";

const HOUR = 3_600_000;
const now = new Date("2026-12-07T10:00:00.000Z");
const at = (hours: number) => new Date(now.getTime() + hours * HOUR);
const episode = (stage: DunningStage, more: Partial<DunningEpisode> = {}): DunningEpisode => ({
  id: "e",
  userId: "u",
  stage,
  openedAt: at(-100),
  graceEndsAt: null,
  terminatesAt: null,
  terminationWarnedAt: null,
  ...more,
});

describe("nextDunningStep", () => {
  it("warns once the balance runs out within 72 hours, not before", () => {
    expect(nextDunningStep(null, { runsOutAt: at(72.01) }, now, settings)).toEqual({ kind: "NONE" });
    expect(nextDunningStep(null, { runsOutAt: null }, now, settings)).toEqual({ kind: "NONE" });
    expect(nextDunningStep(null, { runsOutAt: at(72) }, now, settings)).toEqual({
      kind: "ADVANCE",
      from: null,
      to: "WARNED",
      notice: { kind: "WALLET_RUNNING_LOW", runsOutAt: at(72) },
    });
    expect(nextDunningStep(episode("WARNED"), { runsOutAt: at(10) }, now, settings)).toEqual({
      kind: "NONE",
    });
  });

  it("a warned customer who tops up beyond the window is closed without a notice", () => {
    expect(nextDunningStep(episode("WARNED"), { runsOutAt: at(100) }, now, settings)).toEqual({
      kind: "CLOSE",
      from: "WARNED",
    });
  });

  it("a spent balance starts the 24-hour grace, with or without the earlier warning", () => {
    const grace = {
      kind: "ADVANCE",
      to: "GRACE",
      notice: { kind: "WALLET_IN_DEBT", suspendsAt: at(24) },
      graceEndsAt: at(24),
    };
    expect(nextDunningStep(episode("WARNED"), { runsOutAt: now }, now, settings)).toEqual({
      ...grace,
      from: "WARNED",
    });
    expect(nextDunningStep(null, { runsOutAt: at(-5) }, now, settings)).toEqual({ ...grace, from: null });
  });

  it("suspends when the grace has passed, and names the deletion date", () => {
    const inGrace = episode("GRACE", { graceEndsAt: at(1) });
    expect(nextDunningStep(inGrace, { runsOutAt: now }, now, settings)).toEqual({ kind: "NONE" });
    expect(nextDunningStep(inGrace, { runsOutAt: at(1) }, at(1), settings)).toEqual({
      kind: "ADVANCE",
      from: "GRACE",
      to: "SUSPENDED",
      notice: { kind: "SERVERS_SUSPENDED", terminatesAt: at(1 + 7 * 24) },
      terminatesAt: at(1 + 7 * 24),
    });
    expect(nextDunningStep(inGrace, { runsOutAt: at(3) }, now, settings)).toEqual({
      kind: "CLOSE",
      from: "GRACE",
    });
  });

  it("warns once a day before deletion, then terminates on the day", () => {
    const suspended = episode("SUSPENDED", { terminatesAt: at(30) });
    expect(nextDunningStep(suspended, { runsOutAt: now }, now, settings)).toEqual({ kind: "NONE" });
    expect(nextDunningStep(suspended, { runsOutAt: at(6) }, at(6), settings)).toEqual({
      kind: "WARN_TERMINATION",
      notice: { kind: "TERMINATION_SOON", terminatesAt: at(30) },
    });
    const warned = { ...suspended, terminationWarnedAt: at(6) };
    expect(nextDunningStep(warned, { runsOutAt: at(7) }, at(7), settings)).toEqual({ kind: "NONE" });
    expect(nextDunningStep(warned, { runsOutAt: at(30) }, at(30), settings)).toEqual({
      kind: "ADVANCE",
      from: "SUSPENDED",
      to: "TERMINATING",
      notice: { kind: "SERVERS_TERMINATED" },
    });
  });

  it("a paid debt resumes suspended servers", () => {
    const suspended = episode("SUSPENDED", { terminatesAt: at(30) });
    expect(nextDunningStep(suspended, { runsOutAt: at(2) }, now, settings)).toEqual({
      kind: "ADVANCE",
      from: "SUSPENDED",
      to: "RESUMING",
      notice: { kind: "SERVERS_RESUMED" },
    });
  });

  it("closes quietly when nothing accrues any more, and leaves the server sweeps to finish", () => {
    for (const stage of ["WARNED", "GRACE", "SUSPENDED"] as const) {
      expect(nextDunningStep(episode(stage), { runsOutAt: null }, now, settings)).toEqual({
        kind: "CLOSE",
        from: stage,
      });
    }
    for (const stage of ["TERMINATING", "RESUMING"] as const) {
      expect(nextDunningStep(episode(stage), { runsOutAt: null }, now, settings)).toEqual({ kind: "NONE" });
    }
  });
});
