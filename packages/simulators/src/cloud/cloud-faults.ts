/**
 * What can go wrong at a simulated cloud, per simulator instance. The defaults describe a healthy
 * provider whose actions take `actionMs`. Counters ("next N") are used up one call at a time.
 */
export interface CloudFaults {
  /** Delay before every API answer. */
  readonly latencyMs: number;
  /** Share (0..1) of API calls answered with the provider's own 5xx error, before anything is done. */
  readonly serverErrorRate: number;
  /** The next N API calls are refused with the provider's 429 and rate-limit headers. */
  readonly rateLimitNext: number;
  /** The next N creates succeed at the provider, but the connection is cut before the answer. */
  readonly loseCreateResponses: number;
  /** The next N actions (create included) end in the provider's error state instead of completing. */
  readonly failNextActions: number;
  /** How long an action (create, power, rebuild, resize, delete) takes to complete. */
  readonly actionMs: number;
}

export const HEALTHY_CLOUD: CloudFaults = {
  latencyMs: 0,
  serverErrorRate: 0,
  rateLimitNext: 0,
  loseCreateResponses: 0,
  failNextActions: 0,
  actionMs: 1_000,
};

type Counter = "rateLimitNext" | "loseCreateResponses" | "failNextActions";

export class CloudFaultBoard {
  private faults: CloudFaults;

  constructor(private readonly defaults: CloudFaults = HEALTHY_CLOUD) {
    this.faults = defaults;
  }

  get current(): CloudFaults {
    return this.faults;
  }

  /** Merges the knobs in; throws a RangeError (and changes nothing) on an unknown knob or bad value. */
  set(changes: Readonly<Record<string, unknown>>): CloudFaults {
    const next: Record<string, unknown> = { ...this.faults };
    for (const [key, value] of Object.entries(changes)) {
      if (!(key in HEALTHY_CLOUD)) throw new RangeError(`unknown fault "${key}"`);
      if (key === "serverErrorRate") {
        if (typeof value !== "number" || !(value >= 0 && value <= 1)) {
          throw new RangeError("serverErrorRate must be a number from 0 to 1");
        }
      } else if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
        throw new RangeError(`${key} must be a whole number, 0 or more`);
      }
      next[key] = value;
    }
    this.faults = next as unknown as CloudFaults;
    return this.faults;
  }

  reset(): void {
    this.faults = this.defaults;
  }

  /** True, and one used up, when counter `name` is above zero. */
  take(name: Counter): boolean {
    if (this.faults[name] <= 0) return false;
    this.faults = { ...this.faults, [name]: this.faults[name] - 1 };
    return true;
  }
}
