import type { Rial, Role } from "@peykarband/domain";
import type { Fingerprinter } from "../ports/fingerprint.ts";
import type { ServerJob } from "../ports/server.repository.ts";
import type { ServerDeps } from "../servers/server-deps.ts";
import { defaultServerPolicy, type ServerPolicy } from "../servers/server-policy.ts";
import type { ServerJobReport } from "../servers/server-use-cases.contract.ts";
import { createServerUseCases } from "../servers/server-use-cases.ts";
import { FakeCloudProvider } from "./fake-cloud-provider.ts";
import { simulatedCatalog } from "./in-memory-server-catalog.ts";
import { InMemoryServerStatusBus } from "./in-memory-server-status.ts";
import { InMemoryServerRepository } from "./in-memory-servers.ts";
import { InMemorySshKeys } from "./in-memory-ssh-keys.ts";
import { systemContext, walletTestKit } from "./wallet-test-kit.ts";
import { InMemoryResellerMarkups } from "./in-memory-reseller-markups.ts";

/** Not SHA-256: a reversible stand-in that still tells different keys apart. */
const fakeFingerprinter: Fingerprinter = {
  sha256Base64: (bytes) => {
    let hash = 0x811c9dc5;
    for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
    return `fake${hash.toString(16)}${bytes.length}`;
  },
};

/**
 * Server use cases over in-memory ports, with the wallet kit's ledger and users underneath (so
 * its `assertKitLedgersBalanced` covers server charges and refunds too), three fake clouds, and a
 * `sleep` that moves the manual clock instead of waiting.
 */
export function serverTestKit(policy: Partial<ServerPolicy> = {}) {
  const wallet = walletTestKit();
  const servers = new InMemoryServerRepository(wallet.ledger);
  const bus = new InMemoryServerStatusBus();
  const clouds = {
    DIGITALOCEAN: new FakeCloudProvider("DIGITALOCEAN"),
    HETZNER: new FakeCloudProvider("HETZNER"),
    OVH: new FakeCloudProvider("OVH"),
  };
  const slept: number[] = [];
  const catalog = simulatedCatalog();
  const deps: ServerDeps = {
    servers,
    catalog,
    sshKeys: new InMemorySshKeys(),
    providers: clouds,
    publisher: bus,
    feed: bus,
    ledger: wallet.ledger,
    users: wallet.users,
    markups: new InMemoryResellerMarkups(),
    audit: wallet.audit,
    clock: wallet.clock,
    ids: wallet.deps.ids,
    fingerprint: fakeFingerprinter,
    policy: { ...defaultServerPolicy, pollIntervalMs: 10, maxPollIntervalMs: 100, ...policy },
    sleep: async (ms) => {
      slept.push(ms);
      wallet.clock.advance(ms / 1000);
    },
  };
  const useCases = createServerUseCases(deps);

  /** A user with `funds` rials in the wallet. */
  async function customer(funds = 100_000_000n, role: Role = "CUSTOMER") {
    const user = await wallet.user(role);
    if (funds > 0n) await wallet.fund(user.id, funds);
    return user;
  }

  /** Runs every job written so far (and those they write), like a worker; returns their reports. */
  async function drainJobs(options: { isLastAttempt?: boolean } = {}): Promise<ServerJobReport[]> {
    const reports: ServerJobReport[] = [];
    for (let jobs = servers.takeJobs(); jobs.length > 0; jobs = servers.takeJobs()) {
      for (const job of jobs) reports.push(await runJob(job, options.isLastAttempt ?? false));
    }
    return reports;
  }

  const runJob = (job: ServerJob, isLastAttempt: boolean) =>
    useCases.runServerJob({ ...job.data, isLastAttempt, holdsLease: () => true }, systemContext());

  const balance = async (userId: string) => (await wallet.ledger.balance(userId)).amount;
  const hourly = async (planId: string): Promise<Rial> => {
    const [plan] = await deps.catalog.plansByIds([planId]);
    if (!plan) throw new Error(`no plan ${planId}`);
    return plan.hourlyPrice;
  };

  return {
    ...wallet,
    deps,
    catalog,
    servers,
    bus,
    clouds,
    slept,
    useCases,
    customer,
    drainJobs,
    runJob,
    balance,
    hourly,
  };
}

export const ORDER = {
  name: "web-1",
  planId: "do-s-1vcpu-1gb",
  regionId: "do-fra1",
  imageId: "ubuntu-24.04",
  sshKeyIds: [] as string[],
  idempotencyKey: "order-1",
};
