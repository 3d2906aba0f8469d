import {
  observe,
  provisioningBacklog,
  type Config,
  type Database,
  type JobQueue,
} from "@peykarband/infrastructure";
import { createGatewayMetrics, type GatewayMetrics } from "../metrics/gateway-metrics.ts";
import { serveMetrics, type MetricsServer } from "../metrics/serve-metrics.ts";

export interface ObservedMetrics {
  readonly metrics: GatewayMetrics;
  readonly server: MetricsServer;
  /** Stops listening to the adapters and closes the metrics port. */
  close(): Promise<void>;
}

/**
 * This process's metrics: what the adapters report (calls out, settled payments, finished
 * provisioning), the job queue's depth and the servers still provisioning, served on METRICS_PORT. The gateway's operations and the
 * worker's jobs record into the same registry.
 */
export async function startObservedMetrics(
  config: Pick<Config, "host" | "metricsPort">,
  queue: Pick<JobQueue, "countUnfinished">,
  database: Pick<Database, "db">,
): Promise<ObservedMetrics> {
  const metrics = createGatewayMetrics();
  metrics.watchJobQueue(() => queue.countUnfinished());
  metrics.watchProvisioning(() => provisioningBacklog(database.db));
  const stops = [
    observe("outboundCall", (call) =>
      metrics.outboundCall(call.service, call.method, call.status, call.durationSeconds),
    ),
    observe("paymentSettled", (payment) => metrics.paymentSettled(payment.gateway, payment.status)),
    observe("provisioningFinished", (server) =>
      metrics.provisioningFinished(server.cloud, server.status, server.durationSeconds),
    ),
  ];
  const stopObserving = () => {
    for (const stop of stops) stop();
  };
  try {
    const server = await serveMetrics(metrics.registry, { host: config.host, port: config.metricsPort });
    return {
      metrics,
      server,
      async close() {
        stopObserving();
        await server.close();
      },
    };
  } catch (error) {
    stopObserving();
    throw error;
  }
}
