import { describe, expect, it } from "vitest";
import {
  SERVER_STATUSES,
  SERVER_TRANSITIONS,
  canTransition,
  type ServerTransition,
} from "./server-status.ts";
import { checkServerTransition, serverTransition } from "./server-transition.ts";

describe("server transitions", () => {
  it("compiles only legal moves", () => {
    expect(serverTransition("PENDING", "PROVISIONING")).toEqual({ from: "PENDING", to: "PROVISIONING" });
    expect(serverTransition("DELETING", "DELETED")).toEqual({ from: "DELETING", to: "DELETED" });
    // @ts-expect-error a deleted server stays deleted
    expect(() => serverTransition("DELETED", "ACTIVE")).toThrow(/illegal/);
    // @ts-expect-error provisioning cannot skip to OFF
    expect(() => serverTransition("PROVISIONING", "OFF")).toThrow(/illegal/);
    // @ts-expect-error a failed server is only deleted
    const illegal: ServerTransition = { from: "FAILED", to: "ACTIVE" };
    expect(canTransition(illegal.from, illegal.to)).toBe(false);
  });

  it("allows at run time exactly the table's moves", () => {
    let legal = 0;
    for (const from of SERVER_STATUSES) {
      for (const to of SERVER_STATUSES) {
        const listed = (SERVER_TRANSITIONS[from] as readonly string[]).includes(to);
        expect(checkServerTransition(from, to).ok, `${from} -> ${to}`).toBe(listed);
        if (listed) legal++;
      }
    }
    expect(legal).toBe(32);
    expect(checkServerTransition("DELETED", "REBOOTING")).toMatchObject({
      ok: false,
      error: { code: "ILLEGAL_STATE" },
    });
  });

  it("lets every live state be deleted and nothing leave DELETED", () => {
    for (const from of SERVER_STATUSES) {
      if (from === "DELETED" || from === "DELETING") continue;
      expect(canTransition(from, "DELETING") || canTransition(from, "DELETED"), from).toBe(true);
    }
    expect(SERVER_TRANSITIONS.DELETED).toEqual([]);
  });
});
