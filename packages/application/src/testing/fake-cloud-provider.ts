import { err, ok, type CloudProviderName } from "@peykarband/domain";
import type {
  CloudFailure,
  CloudOfferings,
  CloudProvider,
  CloudResult,
  CreateProviderServer,
  ProviderActionRef,
  ProviderActionState,
  ProviderServer,
  ProviderServerState,
} from "../ports/cloud-provider.ts";

type Method = Exclude<keyof CloudProvider, "name">;

interface FakeServer {
  providerServerId: string;
  serverId: string;
  state: ProviderServerState;
  ipv4: string | null;
  ipv6: string | null;
  size: string;
  image: string;
  userData: string;
  deleted: boolean;
  /** The action under way on it: it progresses whether anyone polls the action or only the server. */
  action: string | null;
}

interface FakeAction {
  pollsLeft: number;
  error: string | null;
  /** What the action does to its server when it ends well. */
  effect: () => void;
}

export const failure = (kind: CloudFailure["kind"], extra: Partial<CloudFailure> = {}): CloudFailure => ({
  kind,
  code:
    kind === "RATE_LIMITED"
      ? "429"
      : kind === "UNAVAILABLE"
        ? "503"
        : kind === "REJECTED"
          ? "unprocessable_entity"
          : null,
  message: `simulated ${kind.toLowerCase()}`,
  ...extra,
});

/**
 * A cloud in memory, with the faults the real ones have, programmable per call: `fail(method,
 * failure, times)`, a create whose server is made but whose answer is lost, actions that end in
 * error. Every action takes `actionPolls` polls of getAction to finish; its effect (RUNNING with an
 * IP, OFF, gone) shows only then. Counts calls, so tests can say "exactly one create".
 */
export class FakeCloudProvider implements CloudProvider {
  readonly servers: FakeServer[] = [];
  readonly calls: Record<string, number> = {};
  actionPolls = 2;
  /** What `offerings()` answers. */
  offered: CloudOfferings = { regions: [], sizes: {}, images: {} };
  private readonly faults = new Map<Method, CloudFailure[]>();
  private readonly actions = new Map<string, FakeAction>();
  private loseCreates = 0;
  private failingActions: string[] = [];
  private seq = 0;

  constructor(readonly name: CloudProviderName = "DIGITALOCEAN") {}

  /** The next `times` calls of `method` fail with `failure` (and do nothing). */
  fail(method: Method, cause: CloudFailure, times = 1): this {
    const queue = this.faults.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(cause);
    this.faults.set(method, queue);
    return this;
  }

  /** The next create makes the server but answers TIMEOUT, as a cut connection would. */
  loseNextCreateResponse(times = 1): this {
    this.loseCreates += times;
    return this;
  }

  /** The next action started ends in ERROR with this message, its effect never applied. */
  failNextAction(message = "simulated action error"): this {
    this.failingActions.push(message);
    return this;
  }

  /**
   * A simulator restarted with its memory wiped: the servers it made are forgotten and its ids
   * start over, so it hands out ids it gave before (the sandbox's clouds did once).
   */
  forgetEverything(): this {
    this.servers.splice(0);
    this.actions.clear();
    this.seq = 0;
    return this;
  }

  /** Servers the provider still has (not deleted). */
  live(): FakeServer[] {
    return this.servers.filter((s) => !s.deleted);
  }

  /** Puts a server there directly, as another run or an old crash would have left it. */
  plant(serverId: string, state: ProviderServerState = "RUNNING"): FakeServer {
    const server = this.newServer({ serverId, region: "x", size: "x", image: "x", userData: "" });
    server.state = state;
    if (state === "RUNNING") server.ipv4 = `203.0.113.${this.seq}`;
    return server;
  }

  async createServer(spec: CreateProviderServer) {
    const fault = this.count("createServer");
    if (fault) return err(fault);
    const server = this.newServer(spec);
    const action = this.startAction(server, () => {
      server.state = "RUNNING";
      server.ipv4 = `203.0.113.${Number(server.providerServerId) % 250}`;
      server.ipv6 = `2001:db8::${server.providerServerId}`;
    });
    if (this.loseCreates > 0) {
      this.loseCreates--;
      return err(failure("TIMEOUT", { message: "no answer within the deadline" }));
    }
    return ok({ server: this.view(server), action });
  }

  async offerings() {
    const fault = this.count("offerings");
    return fault ? err(fault) : ok(this.offered);
  }

  async findByServerId(serverId: string) {
    const fault = this.count("findByServerId");
    if (fault) return err(fault);
    return ok(
      this.live()
        .filter((s) => s.serverId === serverId)
        .map((s) => this.view(s)),
    );
  }

  async getServer(providerServerId: string) {
    const fault = this.count("getServer");
    if (fault) return err(fault);
    const before = this.find(providerServerId);
    if (before?.action) this.advance(before.action);
    const server = this.find(providerServerId);
    return ok(server ? this.view(server) : null);
  }

  async listOurs() {
    const fault = this.count("listOurs");
    if (fault) return err(fault);
    return ok(this.live().map((s) => this.view(s)));
  }

  powerOff(id: string) {
    return this.act("powerOff", id, "BUSY", (s) => (s.state = "OFF"));
  }
  powerOn(id: string) {
    return this.act("powerOn", id, "BUSY", (s) => (s.state = "RUNNING"));
  }
  reboot(id: string) {
    return this.act("reboot", id, "BUSY", (s) => (s.state = "RUNNING"));
  }
  rebuild(id: string, image: string) {
    return this.act("rebuild", id, "BUSY", (s) => {
      s.state = "RUNNING";
      s.image = image;
    });
  }
  resize(id: string, size: string) {
    return this.act("resize", id, "BUSY", (s) => {
      s.state = "RUNNING";
      s.size = size;
    });
  }

  async deleteServer(id: string): CloudResult<ProviderActionRef | null> {
    const fault = this.count("deleteServer");
    if (fault) return err(fault);
    const server = this.find(id);
    if (!server) return ok(null);
    // Gone from lists at once, as at DigitalOcean and Hetzner; the action only reports the end.
    server.state = "DELETING";
    server.deleted = true;
    return ok(this.startAction(server, () => undefined));
  }

  async getAction(ref: ProviderActionRef): CloudResult<ProviderActionState> {
    const fault = this.count("getAction");
    if (fault) return err(fault);
    const action = this.actions.get(ref.actionId);
    if (!action) return err(failure("REJECTED", { code: "not_found", message: "no such action" }));
    this.advance(ref.actionId);
    if (action.pollsLeft > 0) return ok({ status: "RUNNING", progress: 50 });
    return ok(action.error ? { status: "ERROR", message: action.error } : { status: "DONE" });
  }

  private advance(actionId: string): void {
    const action = this.actions.get(actionId);
    if (!action || action.pollsLeft === 0) return;
    action.pollsLeft--;
    if (action.pollsLeft === 0 && !action.error) action.effect();
  }

  private async act(
    method: Method,
    id: string,
    during: ProviderServerState,
    effect: (s: FakeServer) => void,
  ): CloudResult<ProviderActionRef | null> {
    const fault = this.count(method);
    if (fault) return err(fault);
    const server = this.find(id);
    if (!server) return err(failure("REJECTED", { code: "not_found", message: "no such server" }));
    server.state = during;
    return ok(this.startAction(server, () => effect(server)));
  }

  private startAction(server: FakeServer, effect: () => void): ProviderActionRef {
    const actionId = `action-${++this.seq}`;
    const error = this.failingActions.shift() ?? null;
    server.action = actionId;
    const done = () => {
      server.action = null;
      effect();
    };
    this.actions.set(actionId, { pollsLeft: this.actionPolls, error, effect: done });
    if (this.actionPolls === 0 && !error) done();
    return { actionId };
  }

  private newServer(spec: CreateProviderServer): FakeServer {
    const server: FakeServer = {
      providerServerId: String(1000 + ++this.seq),
      serverId: spec.serverId,
      state: "BUILDING",
      ipv4: null,
      ipv6: null,
      size: spec.size,
      image: spec.image,
      userData: spec.userData,
      deleted: false,
      action: null,
    };
    this.servers.push(server);
    return server;
  }

  private find(id: string): FakeServer | undefined {
    return this.live().find((s) => s.providerServerId === id);
  }

  private count(method: Method): CloudFailure | undefined {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
    return this.faults.get(method)?.shift();
  }

  private view(s: FakeServer): ProviderServer {
    return {
      providerServerId: s.providerServerId,
      serverId: s.serverId,
      state: s.state,
      ipv4: s.ipv4,
      ipv6: s.ipv6,
    };
  }
}
