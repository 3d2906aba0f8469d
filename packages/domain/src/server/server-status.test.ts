import { describe, expect, it } from "vitest";
import { isLiveServerStatus, SERVER_STATUSES } from "./server-status.ts";

describe("live servers", () => {
  it("are every status but DELETED and FAILED", () => {
    expect(SERVER_STATUSES.filter((status) => !isLiveServerStatus(status))).toEqual(["DELETED", "FAILED"]);
  });
});
