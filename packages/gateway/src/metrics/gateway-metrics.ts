import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** Jobs waiting or running in one queue and state, as the job queue counts them. */
interface QueueDepth {
  readonly queue: string;
  readonly state: string;
  readonly count: number;
}

/** Servers ordered and not yet ACTIVE or FAILED at one cloud. */
interface ProvisioningQueue {
  readonly cloud: string;
  readonly servers: number;
  readonly oldestOrderedAt: Date;
}

export interface GatewayMetrics {
  readonly registry: Registry;
  readonly requests: Counter<"operation" | "outcome">;
  readonly duration: Histogram<"operation">;
  readonly errors: Counter<"code">;
  /** Open WebSocket connections and running WebSocket operations (mostly subscriptions). */
  readonly webSockets: Gauge<never>;
  readonly webSocketOperations: Gauge<never>;
  /** Counts the queue's unfinished jobs at every scrape. */
  watchJobQueue(count: () => Promise<readonly QueueDepth[]>): void;
  /** Reads the servers still provisioning at every scrape. */
  watchProvisioning(read: () => Promise<readonly ProvisioningQueue[]>): void;
  jobFinished(queue: string, outcome: "ok" | "failed", seconds: number): void;
  paymentSettled(gateway: string, status: string): void;
  provisioningFinished(cloud: string, status: string, seconds: number): void;
  /** One attempt of a call to a provider or payment gateway; status null when nothing answered. */
  outboundCall(service: string, method: string, status: number | null, seconds: number): void;
  ledgerChecked(problems: number, atSeconds: number): void;
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Jobs and provisioning run from milliseconds (a no-op) to many minutes (a slow cloud). */
const LONG_SECONDS = [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 600, 1200, 3600];

/** One registry per app rather than prom-client's global one, so tests can run several apps in a process. */
export function createGatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });
  let countJobs: (() => Promise<readonly QueueDepth[]>) | undefined;
  new Gauge({
    name: "job_queue_jobs",
    help: "Unfinished jobs per queue and state (created: waiting, retry: waiting to be retried, active: running).",
    labelNames: ["queue", "state"],
    registers,
    async collect() {
      this.reset();
      if (!countJobs) return;
      // An unreachable database shows as missing series (and a failing /readyz), not as a failed scrape.
      const depths = await countJobs().catch(() => []);
      for (const { queue, state, count } of depths) this.set({ queue, state }, count);
    },
  });
  let readProvisioning: (() => Promise<readonly ProvisioningQueue[]>) | undefined;
  let provisioningRead: Promise<readonly ProvisioningQueue[]> | undefined;
  // Both gauges come from one read per scrape.
  const provisioningNow = () => {
    provisioningRead ??= (readProvisioning?.() ?? Promise.resolve([]))
      .catch(() => [])
      .finally(() => (provisioningRead = undefined));
    return provisioningRead;
  };
  new Gauge({
    name: "servers_provisioning",
    help: "Servers ordered and not yet ACTIVE or FAILED (PENDING or PROVISIONING), by cloud.",
    labelNames: ["cloud"],
    registers,
    async collect() {
      this.reset();
      for (const { cloud, servers } of await provisioningNow()) this.set({ cloud }, servers);
    },
  });
  new Gauge({
    name: "servers_provisioning_oldest_seconds",
    help: "Age of the oldest server still PENDING or PROVISIONING, by cloud: a stuck provisioning grows here.",
    labelNames: ["cloud"],
    registers,
    async collect() {
      this.reset();
      const now = Date.now();
      for (const { cloud, oldestOrderedAt } of await provisioningNow())
        this.set({ cloud }, (now - oldestOrderedAt.getTime()) / 1000);
    },
  });
  const jobDuration = new Histogram({
    name: "job_duration_seconds",
    help: "Runs of the worker's jobs by queue and outcome (ok, failed); failed runs are retried as their queue says.",
    labelNames: ["queue", "outcome"],
    buckets: LONG_SECONDS,
    registers,
  });
  const payments = new Counter({
    name: "payments_settled_total",
    help: "Payments settled by gateway and the status they ended in (PAID, FAILED, CANCELLED).",
    labelNames: ["gateway", "status"],
    registers,
  });
  const provisioning = new Histogram({
    name: "server_provisioning_duration_seconds",
    help: "From order to the end of provisioning, by cloud and the status the server left PROVISIONING for (ACTIVE, FAILED, DELETING).",
    labelNames: ["cloud", "status"],
    buckets: LONG_SECONDS,
    registers,
  });
  const outbound = new Histogram({
    name: "outbound_http_request_duration_seconds",
    help: "Attempts of calls to cloud providers, payment gateways and the SMS service, by service, method and HTTP status (none: no answer).",
    labelNames: ["service", "method", "status"],
    buckets: [...SECONDS, 30],
    registers,
  });
  const ledgerProblems = new Gauge({
    name: "ledger_check_problems",
    help: "Problems the last ledger check found (entries that do not sum to zero, wallet balances that disagree with their entries); 0 when the ledger balances.",
    registers,
  });
  const ledgerCheckedAt = new Gauge({
    name: "ledger_check_last_run_timestamp_seconds",
    help: "When the ledger check last ran to the end (Unix time).",
    registers,
  });
  return {
    registry,
    requests: new Counter({
      name: "graphql_requests_total",
      help: "GraphQL operations by operation and outcome (ok, userErrors, or the first error code).",
      labelNames: ["operation", "outcome"],
      registers,
    }),
    duration: new Histogram({
      name: "graphql_request_duration_seconds",
      help: "Time from receiving a GraphQL operation to sending its response.",
      labelNames: ["operation"],
      buckets: SECONDS,
      registers,
    }),
    errors: new Counter({
      name: "graphql_errors_total",
      help: "Top-level GraphQL errors by extensions.code.",
      labelNames: ["code"],
      registers,
    }),
    webSockets: new Gauge({
      name: "websocket_connections",
      help: "Open GraphQL WebSocket connections.",
      registers,
    }),
    webSocketOperations: new Gauge({
      name: "websocket_subscriptions",
      help: "Operations running on GraphQL WebSocket connections (subscriptions, until they end).",
      registers,
    }),
    watchJobQueue(count) {
      countJobs = count;
    },
    watchProvisioning(read) {
      readProvisioning = read;
    },
    jobFinished(queue, outcome, seconds) {
      jobDuration.observe({ queue, outcome }, seconds);
    },
    paymentSettled(gateway, status) {
      payments.inc({ gateway, status });
    },
    provisioningFinished(cloud, status, seconds) {
      provisioning.observe({ cloud, status }, seconds);
    },
    outboundCall(service, method, status, seconds) {
      outbound.observe({ service, method, status: status === null ? "none" : String(status) }, seconds);
    },
    ledgerChecked(problems, atSeconds) {
      ledgerProblems.set(problems);
      ledgerCheckedAt.set(atSeconds);
    },
  };
}
