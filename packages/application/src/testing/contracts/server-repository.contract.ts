import { adminAdjustmentTransaction, Rial, serverOrderCharge, type Server } from "@peykarband/domain";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ServerRepository } from "../../ports/server.repository.ts";
import type { WalletLedger } from "../../ports/wallet-ledger.ts";
import type { ContractFixture, OpenContractFixture } from "./contract-fixture.ts";

export interface ServerRepositoryFixture extends ContractFixture {
  readonly servers: ServerRepository;
  /** The ledger in the same store, which the order's charge is posted to. */
  readonly ledger: WalletLedger;
}

const AT = new Date("2026-03-21T08:00:00.000Z");
const HOURLY = 11_000n;

/**
 * What ordering and operating servers rely on from a ServerRepository: an order is all or nothing
 * (idempotency key, quota, overdraft guard, also when orders race), and a change is a
 * compare-and-set on the status that answers STALE when it lost. Servers use the plan, region and
 * image of the repository's catalog file (`do-s-1vcpu-1gb` in `do-fra1`): adapters keep foreign
 * keys to them. Call it inside a `describe`.
 */
export function serverRepositoryContract(open: OpenContractFixture<ServerRepositoryFixture>): void {
  let fixture: ServerRepositoryFixture;
  beforeAll(async () => {
    fixture = await open();
  });
  afterAll(() => fixture?.close?.());

  const aServer = (userId: string, overrides: Partial<Server> = {}): Server => ({
    id: fixture.newId(),
    userId,
    name: "web-1",
    status: "PENDING",
    provider: "DIGITALOCEAN",
    planId: "do-s-1vcpu-1gb",
    regionId: "do-fra1",
    imageId: "ubuntu-24.04",
    sshKeyIds: [],
    providerServerId: null,
    ipv4: null,
    ipv6: null,
    pendingOperation: null,
    failureReason: null,
    version: 1,
    idempotencyKey: `order-${fixture.newId()}`,
    createdAt: AT,
    updatedAt: AT,
    deletedAt: null,
    ...overrides,
  });

  const anOrder = (server: Server, quotaLimit = 10) => ({
    server,
    charge: serverOrderCharge({
      id: fixture.newId(),
      serverId: server.id,
      userId: server.userId,
      serverName: server.name,
      amount: Rial.of(HOURLY),
      at: server.createdAt,
    }),
    rate: {
      startsAt: server.createdAt,
      planId: server.planId,
      hourlyRate: Rial.of(HOURLY),
      monthlyCap: Rial.of(HOURLY * 730n),
      ourHourlyRate: Rial.of(HOURLY),
      ourMonthlyCap: Rial.of(HOURLY * 730n),
    },
    quotaLimit,
    job: { name: "servers.provision", data: { serverId: server.id, operation: "PROVISION" } } as const,
  });

  async function aFundedUser(rials = HOURLY * 10n): Promise<string> {
    const userId = await fixture.newUser();
    const credit = adminAdjustmentTransaction({
      id: fixture.newId(),
      userId,
      amount: Rial.of(rials),
      reference: `contract:${fixture.newId()}`,
      reason: "Test funds",
      at: AT,
    });
    if (!credit.ok) throw new Error(credit.error.message);
    await fixture.ledger.post(credit.value);
    return userId;
  }

  it("places an order: the server, its first history row and its charge", async () => {
    const userId = await aFundedUser(HOURLY);
    const server = aServer(userId);
    expect(await fixture.servers.placeOrder(anOrder(server))).toEqual({ status: "PLACED", server });
    expect(await fixture.servers.findById(server.id)).toEqual(server);
    expect((await fixture.servers.history(server.id)).map((h) => h.status)).toEqual(["PENDING"]);
    expect((await fixture.ledger.balance(userId)).toString()).toBe("0");
  });

  it("answers an order repeated under its idempotency key with the first server, charging once", async () => {
    const userId = await aFundedUser();
    const first = aServer(userId);
    await fixture.servers.placeOrder(anOrder(first));
    const again = aServer(userId, { idempotencyKey: first.idempotencyKey, name: "web-2" });
    expect(await fixture.servers.placeOrder(anOrder(again))).toEqual({ status: "DUPLICATE", server: first });
    expect(await fixture.servers.findById(again.id)).toBeNull();
    expect((await fixture.ledger.balance(userId)).toString()).toBe(String(HOURLY * 9n));
  });

  it("refuses an order the wallet does not cover, writing nothing", async () => {
    const userId = await aFundedUser(HOURLY - 1n);
    const server = aServer(userId);
    expect(await fixture.servers.placeOrder(anOrder(server))).toEqual({
      status: "INSUFFICIENT_FUNDS",
      balance: Rial.of(HOURLY - 1n),
    });
    expect(await fixture.servers.findById(server.id)).toBeNull();
  });

  it("lets exactly `limit` of concurrent orders through the quota", async () => {
    const userId = await aFundedUser();
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () => fixture.servers.placeOrder(anOrder(aServer(userId), 3))),
    );
    expect(outcomes.filter((o) => o.status === "PLACED")).toHaveLength(3);
    expect(outcomes.filter((o) => o.status === "QUOTA_EXCEEDED")).toEqual(
      Array.from({ length: 5 }, () => ({ status: "QUOTA_EXCEEDED", limit: 3 })),
    );
    expect((await fixture.ledger.balance(userId)).toString()).toBe(String(HOURLY * 7n));
  });

  it("changes a status by compare-and-set: the loser of two changes is STALE and writes nothing", async () => {
    const userId = await aFundedUser();
    const server = aServer(userId);
    await fixture.servers.placeOrder(anOrder(server));
    const at = new Date("2026-03-21T08:01:00.000Z");
    const change = { serverId: server.id, from: ["PENDING"] as const, to: "PROVISIONING" as const, at };
    const outcomes = await Promise.all([fixture.servers.change(change), fixture.servers.change(change)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["CHANGED", "STALE"]);
    expect((await fixture.servers.findById(server.id))?.status).toBe("PROVISIONING");
    expect((await fixture.servers.history(server.id)).map((h) => h.status)).toEqual([
      "PENDING",
      "PROVISIONING",
    ]);
    expect(await fixture.servers.change({ ...change, serverId: fixture.newId() })).toEqual({
      status: "STALE",
      server: null,
    });
  });

  it("finds servers by ids in the order asked, null where there is none", async () => {
    const userId = await aFundedUser();
    const [a, b] = [aServer(userId), aServer(userId)];
    await fixture.servers.placeOrder(anOrder(a));
    await fixture.servers.placeOrder(anOrder(b));
    const missing = fixture.newId();
    expect((await fixture.servers.findByIds([b.id, missing, a.id])).map((s) => s?.id ?? null)).toEqual([
      b.id,
      null,
      a.id,
    ]);
    expect(await fixture.servers.findById(missing)).toBeNull();
  });

  it("counts what `list` pages through: one user's servers or everyone's, under a status filter", async () => {
    const [userId, otherId] = [await aFundedUser(), await aFundedUser()];
    for (const server of [aServer(userId), aServer(userId), aServer(otherId)]) {
      await fixture.servers.placeOrder(anOrder(server));
    }
    const [failed] = await fixture.servers.listLive(userId, 1);
    await fixture.servers.change({ serverId: failed!.id, from: ["PENDING"], to: "FAILED", at: AT });
    expect(await fixture.servers.count({ userId })).toBe(2);
    expect(await fixture.servers.count({ userId, filter: { statuses: ["PENDING"] } })).toBe(1);
    expect(await fixture.servers.count({ userId, filter: { statuses: [] } })).toBe(0);
    expect(await fixture.servers.count({ userId: otherId })).toBe(1);
    expect(await fixture.servers.count({ userId: "not-a-uuid" })).toBe(0);
    expect(await fixture.servers.count({ userId: null })).toBeGreaterThanOrEqual(3);
  });
}
