import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createGatewayMetrics } from "../../packages/gateway/src/metrics/gateway-metrics.ts";

const DEPLOY = join(import.meta.dirname, "../../deploy");

/** PromQL words that are not metric names: functions, aggregations, keywords. */
const PROMQL_WORDS = new Set([
  "sum", "max", "min", "avg", "count", "by", "without", "rate", "increase", "irate", "time",
  "histogram_quantile", "and", "or", "unless", "on", "ignoring", "bool", "absent", "offset",
  "clamp_min", "clamp_max", "group_left", "group_right",
]); // prettier-ignore

/**
 * The metric names an expression reads: strings, range durations, label matchers and grouping
 * lists taken out, every identifier left that is not PromQL's own.
 */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\{[^}]*\}/g, "")
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, "");
  const names = (bare.match(/\b[a-zA-Z_:][a-zA-Z0-9_:]*\b/g) ?? []).filter(
    (word) => !PROMQL_WORDS.has(word) && !word.startsWith("$"),
  );
  return [...new Set(names)];
}

/** Every series name the app's registry can expose: histograms as their _bucket, _sum and _count. */
async function exposedNames(): Promise<Set<string>> {
  const metrics = createGatewayMetrics();
  const names = new Set<string>();
  for (const metric of await metrics.registry.getMetricsAsJSON()) {
    names.add(metric.name);
    if (String(metric.type) === "histogram")
      for (const suffix of ["_bucket", "_sum", "_count"]) names.add(`${metric.name}${suffix}`);
  }
  return names;
}

interface Rule {
  readonly alert: string;
  readonly expr: string;
  readonly labels: { readonly severity: string };
  readonly annotations: { readonly summary: string };
}

describe("deploy/: alert rules and the dashboard", () => {
  const rules = parse(readFileSync(join(DEPLOY, "prometheus/peykarband-rules.yaml"), "utf8")) as {
    kind: string;
    apiVersion: string;
    spec: { groups: { name: string; rules: Rule[] }[] };
  };
  const dashboard = JSON.parse(readFileSync(join(DEPLOY, "grafana/peykarband-dashboard.json"), "utf8")) as {
    uid: string;
    panels: { type: string; title: string; targets?: { expr: string }[] }[];
  };
  const allRules = rules.spec.groups.flatMap((group) => group.rules);
  const dashboardExprs = dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((t) => t.expr));

  it("reads metric names out of PromQL", () => {
    expect(
      metricNames(
        'sum by (le, cloud) (rate(a_seconds_bucket{status="x|y",q=~"s\\\\..*"}[5m])) / max(b) > 3 * 3600',
      ),
    ).toEqual(["a_seconds_bucket", "b"]);
  });

  it("is a PrometheusRule whose every alert has a severity and a summary", () => {
    expect([rules.apiVersion, rules.kind]).toEqual(["monitoring.coreos.com/v1", "PrometheusRule"]);
    const alerts = allRules.map((rule) => rule.alert);
    expect(new Set(alerts).size).toBe(alerts.length);
    for (const rule of allRules) {
      expect(["critical", "warning"]).toContain(rule.labels.severity);
      expect(rule.annotations.summary.length).toBeGreaterThan(0);
    }
  });

  it("alerts on stuck provisioning, failing payments, the ledger check, queue backlog and error rate", () => {
    const read = (alert: string) => metricNames(allRules.find((rule) => rule.alert === alert)?.expr ?? "");
    expect(read("PeykarbandProvisioningStuck")).toContain("servers_provisioning_oldest_seconds");
    expect(read("PeykarbandPaymentsFailing")).toContain("payments_settled_total");
    expect(read("PeykarbandLedgerOutOfBalance")).toContain("ledger_check_problems");
    expect(read("PeykarbandJobQueueBacklog")).toContain("job_queue_jobs");
    expect(read("PeykarbandHighErrorRate")).toContain("graphql_errors_total");
  });

  it("names only metrics the app's registry has", async () => {
    const exposed = await exposedNames();
    const named = [...allRules.map((rule) => rule.expr), ...dashboardExprs].flatMap(metricNames);
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((name) => !exposed.has(name))).toEqual([]);
  });

  it("has a dashboard with a uid and a query on every panel but rows", () => {
    expect(dashboard.uid).toBe("peykarband");
    for (const panel of dashboard.panels.filter((p) => p.type !== "row"))
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
  });
});
