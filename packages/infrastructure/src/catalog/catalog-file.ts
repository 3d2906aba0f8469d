import {
  CLOUD_PROVIDERS,
  planPrices,
  type CloudProviderName,
  type Image,
  type Plan,
  type Region,
} from "@peykarband/domain";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The catalog the repository ships; operators point CATALOG_FILE at their own copy. */
export const DEFAULT_CATALOG_FILE = fileURLToPath(new URL("../../catalog/catalog.json", import.meta.url));

const CURRENCIES = ["USD", "EUR"] as const;
/** Both in cents; a currency without a minor unit would need its own entry here. */
const MINOR_UNITS_PER_UNIT: Record<(typeof CURRENCIES)[number], bigint> = { USD: 100n, EUR: 100n };

const id = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,62}$/, "is lower-case letters, digits, dots and dashes");
const text = z.string().trim().min(1).max(200);
const provider = z.enum(CLOUD_PROVIDERS);
const wholeNumber = z.number().int().positive();

const fileSchema = z.strictObject({
  settings: z.strictObject({
    markupPercent: z.number().int().min(0).max(1000),
    rialsPerUnit: z.strictObject({ USD: z.number().int().positive(), EUR: z.number().int().positive() }),
  }),
  regions: z.array(
    z.strictObject({
      id,
      name: text,
      provider,
      country: z.string().regex(/^[A-Z]{2}$/, "is an ISO 3166-1 alpha-2 code"),
      city: text,
      providerRegion: text,
      isAvailable: z.boolean(),
    }),
  ),
  images: z.array(
    z.strictObject({
      id,
      name: text,
      distribution: text,
      version: text,
      providerImages: z.partialRecord(provider, text),
    }),
  ),
  plans: z.array(
    z.strictObject({
      id,
      name: text,
      provider,
      vcpus: wholeNumber,
      memoryMb: wholeNumber,
      diskGb: wholeNumber,
      cost: z.strictObject({ currency: z.enum(CURRENCIES), monthlyMinor: wholeNumber }),
      offers: z.array(z.strictObject({ regionId: id, providerSize: text, isAvailable: z.boolean() })).min(1),
    }),
  ),
});
type CatalogFileContent = z.infer<typeof fileSchema>;

interface PlanCost {
  readonly currency: (typeof CURRENCIES)[number];
  readonly monthlyMinor: bigint;
}

/** The file, validated and priced: what the sync writes to the catalog tables. */
export interface CatalogDefinition {
  readonly regions: Region[];
  readonly images: Image[];
  readonly plans: (Plan & { readonly cost: PlanCost })[];
}

/** A catalog file that cannot be used; the message names every bad entry. */
export class CatalogFileError extends Error {
  override readonly name = "CatalogFileError";

  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid catalog file ${file}:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  }
}

export async function loadCatalogFile(file: string = DEFAULT_CATALOG_FILE): Promise<CatalogDefinition> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch (error) {
    throw new CatalogFileError(file, [
      `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new CatalogFileError(file, [`is not JSON: ${(error as Error).message}`]);
  }
  return parseCatalog(json, file);
}

/** Validates a parsed catalog document and computes each plan's prices with the domain's rule. */
export function parseCatalog(json: unknown, file = "catalog"): CatalogDefinition {
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    throw new CatalogFileError(
      file,
      parsed.error.issues.map((issue) => `${describePath(json, issue.path)}: ${issue.message}`),
    );
  }
  const problems = crossCheck(parsed.data);
  const definition = priced(parsed.data, problems);
  if (problems.length > 0) throw new CatalogFileError(file, problems);
  return definition;
}

/** `plans[3] ("do-s-1vcpu-1gb").cost.monthlyMinor`: the index, and the entry's id when it has one. */
function describePath(json: unknown, path: readonly PropertyKey[]): string {
  if (path.length === 0) return "the document";
  let node: unknown = json;
  let described = "";
  for (const key of path) {
    node =
      typeof node === "object" && node !== null ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === "number") {
      const entryId = typeof node === "object" && node !== null ? (node as { id?: unknown }).id : undefined;
      described += `[${key}]${typeof entryId === "string" ? ` ("${entryId}")` : ""}`;
    } else {
      described += `${described ? "." : ""}${String(key)}`;
    }
  }
  return described;
}

function duplicates(kind: string, ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return ids.flatMap((entryId) => {
    if (!seen.has(entryId)) return (seen.add(entryId), []);
    return [`${kind} ("${entryId}"): the id is used twice`];
  });
}

function crossCheck(content: CatalogFileContent): string[] {
  const problems = [
    ...duplicates(
      "regions",
      content.regions.map((r) => r.id),
    ),
    ...duplicates(
      "images",
      content.images.map((i) => i.id),
    ),
    ...duplicates(
      "plans",
      content.plans.map((p) => p.id),
    ),
  ];
  const regionProviders = new Map(content.regions.map((r) => [r.id, r.provider]));
  content.images.forEach((image, index) => {
    if (Object.keys(image.providerImages).length === 0)
      problems.push(`images[${index}] ("${image.id}").providerImages: names no provider`);
  });
  content.plans.forEach((plan, index) => {
    const seenRegions = new Set<string>();
    plan.offers.forEach((offer, offerIndex) => {
      const where = `plans[${index}] ("${plan.id}").offers[${offerIndex}]`;
      const regionProvider = regionProviders.get(offer.regionId);
      if (regionProvider === undefined) problems.push(`${where}: no region "${offer.regionId}"`);
      else if (regionProvider !== plan.provider)
        problems.push(
          `${where}: region "${offer.regionId}" is ${regionProvider}'s, the plan is ${plan.provider}'s`,
        );
      if (seenRegions.has(offer.regionId))
        problems.push(`${where}: region "${offer.regionId}" is offered twice`);
      seenRegions.add(offer.regionId);
    });
  });
  return problems;
}

function priced(content: CatalogFileContent, problems: string[]): CatalogDefinition {
  const { settings } = content;
  const plans = content.plans.flatMap((plan, index) => {
    const prices = planPrices({
      monthlyMinorUnits: BigInt(plan.cost.monthlyMinor),
      minorUnitsPerUnit: MINOR_UNITS_PER_UNIT[plan.cost.currency],
      rialsPerUnit: BigInt(settings.rialsPerUnit[plan.cost.currency]),
      markupPercent: settings.markupPercent,
    });
    if (!prices.ok) {
      problems.push(`plans[${index}] ("${plan.id}").cost: ${prices.error.message}`);
      return [];
    }
    return [
      {
        id: plan.id,
        name: plan.name,
        provider: plan.provider,
        vcpus: plan.vcpus,
        memoryMb: plan.memoryMb,
        diskGb: plan.diskGb,
        hourlyPrice: prices.value.hourly,
        monthlyPrice: prices.value.monthly,
        offers: plan.offers.map((offer) => ({ ...offer })),
        cost: { currency: plan.cost.currency, monthlyMinor: BigInt(plan.cost.monthlyMinor) },
      },
    ];
  });
  return {
    regions: content.regions.map((region) => ({ ...region })),
    images: content.images.map((image) => ({
      ...image,
      providerImages: image.providerImages as Partial<Record<CloudProviderName, string>>,
    })),
    plans,
  };
}
