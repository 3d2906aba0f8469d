import { randomBytes } from "node:crypto";
import { FaultSwitchboard } from "../shared/fault.switchboard.ts";
import { startSimulatorServer } from "../shared/simulator.server.ts";
import {
  KAVENEGAR_OPERATIONS,
  kavenegarApiRoutes,
  type KavenegarContext,
  type KavenegarOperation,
} from "./kavenegar-api.routes.ts";
import type { KavenegarMessage } from "./kavenegar.message.ts";

export interface KavenegarSimulatorOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: an ephemeral port. */
  readonly port?: number;
  /** The only API key accepted. Default: random, 88 hex characters like a panel's key. */
  readonly apiKey?: string;
  /** The account's sending lines; the first is used when a call names none. Default ["10004346"]. */
  readonly senders?: readonly string[];
  /** The account's credit in rials. Default 10,000,000. */
  readonly credit?: number;
  /** Decides the 5xx fault; tests may make it predictable. Default Math.random. */
  readonly random?: () => number;
}

export interface KavenegarSimulator {
  /** Base URL, standing in for `https://api.kavenegar.com`. */
  readonly url: string;
  readonly apiKey: string;
  readonly faults: FaultSwitchboard<KavenegarOperation>;
  /** Every message accepted so far, oldest first (copies). */
  messages(): KavenegarMessage[];
  close(): Promise<void>;
}

export async function startKavenegarSimulator(
  options: KavenegarSimulatorOptions = {},
): Promise<KavenegarSimulator> {
  const context: KavenegarContext = {
    apiKey: options.apiKey ?? randomBytes(44).toString("hex").toUpperCase(),
    senders: options.senders ?? ["10004346"],
    credit: options.credit ?? 10_000_000,
    messages: [],
    nextId: 8_792_343,
    faults: new FaultSwitchboard<KavenegarOperation>(KAVENEGAR_OPERATIONS),
    now: () => new Date(),
  };
  const server = await startSimulatorServer({
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 0,
    routes: kavenegarApiRoutes(context),
    faults: context.faults,
    snapshot: () => context.messages,
    random: options.random ?? Math.random,
  });
  return {
    url: server.url,
    apiKey: context.apiKey,
    faults: context.faults,
    messages: () => context.messages.map((m) => ({ ...m })),
    close: () => server.close(),
  };
}
