import { Ajv, type ValidateFunction } from "ajv";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { HelmTemplates, type HelmContext } from "./helm-template.ts";

/**
 * The Helm chart and the Argo CD applications, checked offline: values files against
 * values.schema.json, every template rendered with every values file and each object validated
 * against the Kubernetes 1.27 API schemas (kubernetes-models 4.5.1, the chart's minimum
 * kubeVersion). GitHub Actions also runs the real `helm lint` and `helm template | kubeconform -strict`.
 */

const ROOT = resolve(import.meta.dirname, "../..");
const CHART = join(ROOT, "deploy/helm/peykarband");
const ARGOCD = join(ROOT, "deploy/argocd");

type Values = Record<string, unknown>;
const readYaml = (path: string): Values => parse(readFileSync(path, "utf8")) as Values;

/** Helm's coalescing: maps merge key by key, anything else replaces, null removes the key. */
function merge(base: Values, override: Values): Values {
  const merged: Values = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = merged[key];
    if (value === null) delete merged[key];
    else if (isMap(value) && isMap(current)) merged[key] = merge(current, value);
    else merged[key] = value;
  }
  return merged;
}
const isMap = (value: unknown): value is Values =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const chart = readYaml(join(CHART, "Chart.yaml"));
const defaults = readYaml(join(CHART, "values.yaml"));
const templates = new HelmTemplates(
  Object.fromEntries(
    readdirSync(join(CHART, "templates")).map((name) => [
      name,
      readFileSync(join(CHART, "templates", name), "utf8"),
    ]),
  ),
);
const validateValues: ValidateFunction = new Ajv({
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
}).compile(JSON.parse(readFileSync(join(CHART, "values.schema.json"), "utf8")) as object);

interface Application {
  readonly metadata: { name: string };
  readonly spec: {
    source: { path: string; helm?: { releaseName?: string; valueFiles?: string[]; valuesObject?: Values } };
    destination: { namespace: string };
  };
}
const applications = ["staging.yaml", "production.yaml"].map(
  (file) => readYaml(join(ARGOCD, file)) as unknown as Application,
);

/** What each installation renders: the chart's defaults, and each Argo CD application's values. */
const installations: { name: string; release: string; namespace: string; values: Values }[] = [
  { name: "defaults", release: "peykarband", namespace: "default", values: defaults },
  ...applications.map((app) => ({
    name: app.metadata.name,
    release: app.spec.source.helm?.releaseName ?? app.metadata.name,
    namespace: app.spec.destination.namespace,
    values: [
      ...(app.spec.source.helm?.valueFiles ?? []).map((file) => readYaml(join(CHART, file))),
      app.spec.source.helm?.valuesObject ?? {},
    ].reduce(merge, defaults),
  })),
];

interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
}

function render(values: Values, release: string, namespace: string): KubernetesObject[] {
  const context: HelmContext = {
    Values: values,
    Chart: { Name: chart["name"], Version: chart["version"], AppVersion: chart["appVersion"] },
    Release: { Name: release, Namespace: namespace, Service: "Helm" },
  };
  return readdirSync(join(CHART, "templates"))
    .filter((name) => !name.startsWith("_"))
    .flatMap((name) =>
      parseAllDocuments(templates.render(name, context)).map((document) => {
        if (document.errors.length > 0) throw new Error(`${name}: ${document.errors.map(String).join("; ")}`);
        return document.toJS() as KubernetesObject | null;
      }),
    )
    .filter((object): object is KubernetesObject => object !== null);
}

/** The object's schema from kubernetes-models: `apps/v1` Deployment is `kubernetes-models/apps/v1/Deployment`. */
async function validateKubernetes(object: KubernetesObject): Promise<void> {
  const module = (await import(`kubernetes-models/${object.apiVersion}/${object.kind}`)) as Record<
    string,
    new (data: unknown) => { validate(): void }
  >;
  const Model = module[object.kind];
  if (!Model) throw new Error(`no schema for ${object.apiVersion} ${object.kind}`);
  new Model(object).validate();
}

describe("values.schema.json", () => {
  it.each(installations.map((installation) => [installation.name, installation.values] as const))(
    "accepts the values of %s",
    (_name, values) => {
      expect(validateValues(values), JSON.stringify(validateValues.errors)).toBe(true);
    },
  );

  it.each([
    ["a misspelt key", { gatway: { replicas: 2 } }],
    ["a port given as a string", { gateway: { port: "4000" } }],
    ["an unknown pull policy", { image: { pullPolicy: "Sometimes" } }],
    ["a log level winston does not have", { env: { LOG_LEVEL: "loud" } }],
    ["a number where Kubernetes wants a string", { env: { TRUST_PROXY: 1 } }],
    ["a CPU request that is not a quantity", { worker: { resources: { requests: { cpu: "a lot" } } } }],
  ])("refuses %s, so the install fails before anything is applied", (_what, override) => {
    expect(validateValues(merge(defaults, override as Values))).toBe(false);
  });
});

describe("Argo CD applications", () => {
  it.each(applications.map((app) => [app.metadata.name, app] as const))(
    "%s points at the chart and at values files it has",
    (_name, app) => {
      expect(app.spec.source.path).toBe("deploy/helm/peykarband");
      expect(app.spec.source.helm?.valueFiles?.length).toBeGreaterThan(0);
      for (const file of app.spec.source.helm?.valueFiles ?? [])
        expect(existsSync(join(CHART, file)), file).toBe(true);
    },
  );
});

describe.each(installations)("the chart rendered for $name", ({ values, release, namespace }) => {
  const objects = render(values, release, namespace);

  it("renders only objects valid against the Kubernetes 1.27 schemas", async () => {
    expect(objects.length).toBeGreaterThan(0);
    for (const object of objects) {
      await expect(
        validateKubernetes(object),
        `${object.kind} ${object.metadata.name}`,
      ).resolves.toBeUndefined();
    }
  });

  it("renders only kinds the Argo CD project allows", () => {
    const project = readYaml(join(ARGOCD, "project.yaml")) as {
      spec: { namespaceResourceWhitelist: { group: string; kind: string }[] };
    };
    const allowed = new Set(
      project.spec.namespaceResourceWhitelist.map(({ group, kind }) => `${group}/${kind}`),
    );
    for (const object of objects) {
      const group = object.apiVersion.includes("/") ? object.apiVersion.split("/")[0] : "";
      expect(allowed, `${object.apiVersion} ${object.kind}`).toContain(`${group}/${object.kind}`);
    }
  });

  it("runs the built server with node as PID 1, no package manager in between to swallow SIGTERM", () => {
    const deployments = objects.filter((object) => object.kind === "Deployment");
    expect(deployments.map((object) => object.metadata.name).sort()).toEqual(
      ["gateway", "worker"].map(
        (role) => `${release.includes("peykarband") ? release : `${release}-peykarband`}-${role}`,
      ),
    );
    for (const deployment of deployments) {
      const pod = (deployment.spec?.["template"] as { spec: { containers: { command?: string[] }[] } }).spec;
      expect(pod.containers[0]?.command, deployment.metadata.name).toEqual([
        "node",
        "packages/gateway/dist/main.js",
      ]);
    }
  });

  it("migrates the database in a pre-install/pre-upgrade hook Job before the pods change", () => {
    const job = objects.find((object) => object.kind === "Job");
    // The chart's fullname: the release name when it contains the chart's name.
    expect(job?.metadata.name).toBe(
      `${release.includes("peykarband") ? release : `${release}-peykarband`}-migrate`,
    );
    expect(job?.metadata.annotations?.["helm.sh/hook"]).toBe("pre-install,pre-upgrade");
    const pod = (
      job?.spec?.["template"] as { spec: { containers: { command: string[]; env: { name: string }[] }[] } }
    ).spec;
    expect(pod.containers[0]?.command).toEqual(["node", "packages/gateway/dist/cli/main.js", "migrate"]);
    expect(pod.containers[0]?.env.map((variable) => variable.name)).toContain("DATABASE_URL");
  });
});
