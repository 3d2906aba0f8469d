import type { TransactionalJobSender } from "../servers/transaction.sql-executor.ts";

/**
 * The job sender of a composition whose test writes no job at all (a top-up with no webhook
 * endpoint anywhere): a write that needs one fails loudly instead of reaching a queue.
 */
export const noJobsExpected: TransactionalJobSender = {
  sendWith(_executor, name) {
    return Promise.reject(new Error(`no job was expected here, but ${name} was sent`));
  },
};
