/**
 * What every contract suite needs from the store under test, besides the port itself. Adapters
 * keep foreign keys and uuid columns, so the suite asks the fixture for users and ids rather than
 * inventing them.
 */
export interface ContractFixture {
  /** A stored user that rows may belong to; its id. */
  newUser(): Promise<string>;
  /** A fresh id in the form the store's key columns take (a UUID for the adapters). */
  newId(): string;
  /** Frees what `open` took (a database); the suite calls it once, after its last test. */
  close?(): Promise<void>;
}

/** Opens the store under test once for a suite: a fake, or an adapter on a fresh database. */
export type OpenContractFixture<F extends ContractFixture> = () => Promise<F>;
