/** What can go wrong, per simulator instance. The defaults describe a healthy gateway. */
export interface Faults<Operation extends string> {
  /** Delay before every server-to-server answer. */
  readonly latencyMs: number;
  /** Share (0..1) of server-to-server calls answered 503 by a proxy before the gateway sees them. */
  readonly serverErrorRate: number;
  /** The call is processed, but its answer never comes: the connection stays open until close(). */
  readonly timeout: boolean;
  /** The call is processed, then answered 200 with a body that is not JSON. */
  readonly garbage: boolean;
  /** Verify answers "already verified" (Zarinpal 101, IDPay status 101) even the first time. */
  readonly alreadyVerified: boolean;
  /** The payment page settles the payment but never sends the browser back to the merchant. */
  readonly dropCallback: boolean;
  /** Server-to-server operations that latency, 5xx, timeout and garbage hit; null means all. */
  readonly operations: readonly Operation[] | null;
}

const HEALTHY: Faults<never> = {
  latencyMs: 0,
  serverErrorRate: 0,
  timeout: false,
  garbage: false,
  alreadyVerified: false,
  dropCallback: false,
  operations: null,
};

const FLAGS = ["timeout", "garbage", "alreadyVerified", "dropCallback"] as const;

export class FaultSwitchboard<Operation extends string> {
  private faults: Faults<Operation> = HEALTHY;

  constructor(private readonly knownOperations: readonly Operation[]) {}

  get current(): Faults<Operation> {
    return this.faults;
  }

  /** Merges the given knobs into the current ones; throws a RangeError on a value out of range. */
  set(changes: Partial<Faults<Operation>>): Faults<Operation> {
    return this.setFromJson(changes);
  }

  /**
   * `set` for untrusted JSON, as the control endpoint receives it: every field is checked, and
   * nothing changes unless all are valid.
   */
  setFromJson(changes: Readonly<Record<string, unknown>>): Faults<Operation> {
    const next: Record<string, unknown> = { ...this.faults };
    for (const [key, value] of Object.entries(changes)) {
      if (!(key in HEALTHY)) throw new RangeError(`unknown fault "${key}"`);
      next[key] = this.checked(key, value);
    }
    this.faults = next as unknown as Faults<Operation>;
    return this.faults;
  }

  reset(): void {
    this.faults = HEALTHY;
  }

  /** Do latency, 5xx, timeout and garbage apply to this operation? */
  affects(operation: Operation): boolean {
    return this.faults.operations === null || this.faults.operations.includes(operation);
  }

  private checked(key: string, value: unknown): unknown {
    if (key === "latencyMs") {
      if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
        throw new RangeError("latencyMs must be a whole number of milliseconds, 0 or more");
      }
      return value;
    }
    if (key === "serverErrorRate") {
      if (typeof value !== "number" || !(value >= 0 && value <= 1)) {
        throw new RangeError("serverErrorRate must be a number from 0 to 1");
      }
      return value;
    }
    if ((FLAGS as readonly string[]).includes(key)) {
      if (typeof value !== "boolean") throw new RangeError(`${key} must be true or false`);
      return value;
    }
    if (value === null) return null;
    if (
      !Array.isArray(value) ||
      !value.every((op) => (this.knownOperations as readonly unknown[]).includes(op))
    ) {
      throw new RangeError(`operations must be null or a list of: ${this.knownOperations.join(", ")}`);
    }
    return Object.freeze([...value]);
  }
}
