import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { JOBS } from "../src/composition/start-worker.ts";
import { startLiveSandbox, type LiveSandbox } from "./support/server-live-sandbox.ts";
import { recordStatuses } from "./support/server-live-streams.ts";
import { decideOnGatewayPage, sendCallback } from "./support/wallet-app.ts";

/**
 * The metrics port of a process running gateway and worker (as main.ts does with ROLE=all), scraped
 * after real operations: a top-up through the payment simulator, a server ordered on the simulated
 * DigitalOcean and watched over a WebSocket, the ledger check.
 */
describe("metrics on METRICS_PORT (embedded database, simulators)", () => {
  let sandbox: LiveSandbox;
  beforeAll(async () => {
    sandbox = await startLiveSandbox({ actionMs: 200 });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  const scrape = async () => {
    const response = await fetch(sandbox.metricsUrl);
    expect(response.headers.get("content-type")).toContain("text/plain");
    return response.text();
  };
  /** The sample's value, or undefined when the series is absent. */
  const sample = (text: string, series: string): number | undefined => {
    const line = text.split("\n").find((l) => l.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };

  it("counts the settled payment, the gateway's calls, provisioning, job runs and live WebSockets", async () => {
    const { client } = await sandbox.customer("500000000");
    const { startTopUp } = await client.StartTopUp({
      input: { amount: "5000000", gateway: "ZARINPAL", idempotencyKey: randomUUID() },
    });
    expect(startTopUp.userErrors).toEqual([]);
    const returned = await sendCallback(await decideOnGatewayPage(startTopUp.redirectUrl!, "pay"));
    expect(returned.result.get("status")).toBe("PAID");

    const { orderServer } = await client.OrderServer({
      input: {
        name: "metered",
        planId: "do-s-1vcpu-1gb",
        regionId: "do-fra1",
        imageId: "ubuntu-24.04",
        idempotencyKey: randomUUID(),
      },
    });
    expect(orderServer.userErrors).toEqual([]);
    const statuses = recordStatuses(client, orderServer.server!.id);
    try {
      await statuses.waitFor((event) => event.status === "ACTIVE", "ACTIVE", 60_000);
      const text = await scrape();
      expect(sample(text, 'payments_settled_total{gateway="zarinpal",status="PAID"}')).toBe(1);
      expect(text).toMatch(
        /^outbound_http_request_duration_seconds_count\{service="zarinpal",method="POST",status="200"\} [1-9]/m,
      );
      expect(text).toMatch(
        /^outbound_http_request_duration_seconds_count\{service="digitalocean",method="POST",status="20\d"\} [1-9]/m,
      );
      expect(
        sample(text, 'server_provisioning_duration_seconds_count{cloud="digitalocean",status="ACTIVE"}'),
      ).toBe(1);
      expect(sample(text, "websocket_connections")).toBeGreaterThanOrEqual(1);
      expect(sample(text, "websocket_subscriptions")).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'graphql_requests_total{operation="mutation.orderServer",outcome="ok"}')).toBe(1);
      // The provisioning job completes just after the server goes ACTIVE.
      await vi.waitFor(
        async () =>
          expect(
            sample(await scrape(), 'job_duration_seconds_count{queue="servers.provision",outcome="ok"}'),
          ).toBeGreaterThanOrEqual(1),
        { timeout: 10_000, interval: 100 },
      );
    } finally {
      await statuses.stop();
    }
    await client.dispose();
    await vi.waitFor(async () => expect(sample(await scrape(), "websocket_connections")).toBe(0), {
      timeout: 10_000,
      interval: 100,
    });
  });

  it("shows a server that cannot be provisioned, and the cloud's failing answers", async () => {
    const { client } = await sandbox.customer("500000000");
    sandbox.clouds.hetzner.faults.set({ serverErrorRate: 1 });
    try {
      const { orderServer } = await client.OrderServer({
        input: {
          name: "stuck",
          planId: "hz-cx22",
          regionId: "hz-nbg1",
          imageId: "debian-12",
          idempotencyKey: randomUUID(),
        },
      });
      expect(orderServer.userErrors).toEqual([]);
      const text = await scrape();
      expect(sample(text, 'servers_provisioning{cloud="hetzner"}')).toBe(1);
      expect(sample(text, 'servers_provisioning_oldest_seconds{cloud="hetzner"}')).toBeGreaterThanOrEqual(0);
      await vi.waitFor(
        async () =>
          expect(await scrape()).toMatch(
            /^outbound_http_request_duration_seconds_count\{service="hetzner",method="[A-Z]+",status="5\d\d"\} [1-9]/m,
          ),
        { timeout: 10_000, interval: 100 },
      );
    } finally {
      sandbox.clouds.hetzner.faults.set({ serverErrorRate: 0 });
      await client.dispose();
    }
  });

  it("reports the ledger check and the queue's unfinished jobs", async () => {
    expect(await sandbox.queue.send(JOBS.checkLedger.name, {})).not.toBeNull();
    await vi.waitFor(
      async () => {
        const text = await scrape();
        expect(sample(text, "ledger_check_problems")).toBe(0);
        expect(sample(text, "ledger_check_last_run_timestamp_seconds")).toBeGreaterThan(0);
      },
      { timeout: 15_000, interval: 100 },
    );
    // A queue no worker serves: its job waits.
    const unserved = `unserved-${randomUUID()}`;
    await sandbox.queue.createQueue(unserved, { policy: "standard", expireInSeconds: 60, retryLimit: 0 });
    await sandbox.queue.send(unserved, {});
    expect(sample(await scrape(), `job_queue_jobs{queue="${unserved}",state="created"}`)).toBe(1);
  });
});
