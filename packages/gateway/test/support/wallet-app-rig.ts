import type { Database } from "@peykarband/infrastructure";
import type { TestDatabase } from "@peykarband/infrastructure/testing";
import { afterAll, beforeAll } from "vitest";
import type { TestSdkClient } from "./sdk-client.ts";
import { startWalletAppWithAdmin, type WalletApp } from "./wallet-app.ts";

export interface WalletAppRig {
  database: Database;
  t: WalletApp;
  /** Signed in as root@example.com with the given password, stepped up. */
  admin: TestSdkClient;
}

/**
 * A describe block's database and wallet app with a signed-in administrator, opened before its
 * tests and closed after them; the fields are set once `beforeAll` has run.
 */
export function useWalletAppWithAdmin(target: TestDatabase, password: string): WalletAppRig {
  const rig = {} as WalletAppRig;
  beforeAll(async () => {
    rig.database = await target.open();
    ({ t: rig.t, admin: rig.admin } = await startWalletAppWithAdmin(rig.database, password));
  });
  afterAll(async () => {
    await rig.admin?.dispose();
    await rig.t?.close();
    await rig.database?.close();
  });
  return rig;
}
