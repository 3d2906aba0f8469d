import {
  serverOrderReference,
  serverRefundReference,
  topUpReference,
  usageMarginReference,
  usageReference,
  usageWaiverReference,
} from "@peykarband/domain";
import { describe, expect, it } from "vitest";
import { ledgerEntrySubject } from "./ledger-entry-subject.ts";

const SERVER_ID = "0193a6f0-0000-7000-8000-000000000001";
const WINDOW_START = new Date("2026-12-07T20:00:00.000Z");

describe("ledgerEntrySubject", () => {
  it("reads the server of an order and of a refund, as the domain names them", () => {
    expect(ledgerEntrySubject(serverOrderReference(SERVER_ID))).toEqual({
      serverId: SERVER_ID,
      windowStart: null,
    });
    expect(ledgerEntrySubject(serverRefundReference(SERVER_ID))).toEqual({
      serverId: SERVER_ID,
      windowStart: null,
    });
  });

  it("reads the server and the window's start of usage, of its VAT and of a reseller's margin on it", () => {
    const usage = usageReference(SERVER_ID, WINDOW_START);
    expect(ledgerEntrySubject(usage)).toEqual({ serverId: SERVER_ID, windowStart: WINDOW_START });
    expect(ledgerEntrySubject(`usage-vat:${usage.slice("usage:".length)}`)).toEqual({
      serverId: SERVER_ID,
      windowStart: WINDOW_START,
    });
    expect(ledgerEntrySubject(usageMarginReference(SERVER_ID, WINDOW_START))).toEqual({
      serverId: SERVER_ID,
      windowStart: WINDOW_START,
    });
  });

  it("finds no server in other entries", () => {
    expect(ledgerEntrySubject(topUpReference("payment-1"))).toBeNull();
    expect(ledgerEntrySubject(usageWaiverReference("key-1"))).toBeNull();
    expect(ledgerEntrySubject(`usage:${SERVER_ID}:not-a-date`)).toBeNull();
  });
});
