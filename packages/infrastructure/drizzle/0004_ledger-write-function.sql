-- One ledger transaction in one statement, so a debit costs one round trip and holds its wallet
-- row lock only from its UPDATE to the commit that follows at once. The reference row goes in
-- first: a concurrent write of the same reference waits on its unique index, then answers
-- DUPLICATE. Wallet rows are changed last, in user-id order, so locks are always taken in the
-- same order. A guarded write that would take a wallet below zero raises SQLSTATE PK001, which
-- undoes everything the call wrote; its DETAIL names the wallet and what it holds, as JSON.
--
-- It checks its own entries (at least two, summing to zero) before writing, and names the
-- transaction it writes in a transaction-local setting for exactly as long as it writes: the
-- deferred balance checks of 0003 skip those rows (a WHEN clause of a constraint trigger is
-- evaluated as the row is written, so nothing is queued for commit) and still check every row
-- written any other way.
CREATE FUNCTION "ledger_write"(
  "p_id" uuid,
  "p_reference" text,
  "p_kind" text,
  "p_reason" text,
  "p_created_at" timestamptz,
  "p_entries" jsonb,
  "p_guarded" boolean
) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  "change" record;
  "held" bigint;
BEGIN
  IF (SELECT count(*) < 2 OR coalesce(sum("e"."amount"), 0) <> 0
      FROM jsonb_to_recordset("p_entries") AS "e"("amount" bigint)) THEN
    RAISE EXCEPTION 'ledger transaction % does not balance or has fewer than two entries', "p_id"
      USING ERRCODE = 'check_violation';
  END IF;
  PERFORM set_config('ledger.writing', "p_id"::text, true);
  INSERT INTO "ledger_transactions" ("id", "reference", "kind", "reason", "created_at")
    VALUES ("p_id", "p_reference", "p_kind", "p_reason", "p_created_at")
    ON CONFLICT ("reference") DO NOTHING;
  IF NOT FOUND THEN
    PERFORM set_config('ledger.writing', '', true);
    RETURN 'DUPLICATE';
  END IF;
  INSERT INTO "ledger_entries" ("id", "transaction_id", "account", "user_id", "amount", "created_at")
    SELECT "e"."id", "p_id", "e"."account", "e"."user_id", "e"."amount", "p_created_at"
    FROM jsonb_to_recordset("p_entries") AS "e"("id" uuid, "account" text, "user_id" uuid, "amount" bigint);
  PERFORM set_config('ledger.writing', '', true);
  FOR "change" IN
    SELECT "e"."user_id", sum("e"."amount")::bigint AS "amount"
    FROM jsonb_to_recordset("p_entries") AS "e"("user_id" uuid, "amount" bigint)
    WHERE "e"."user_id" IS NOT NULL
    GROUP BY "e"."user_id"
    ORDER BY "e"."user_id"
  LOOP
    IF "p_guarded" AND "change"."amount" < 0 THEN
      UPDATE "wallets"
        SET "balance" = "balance" + "change"."amount", "updated_at" = "p_created_at"
        WHERE "user_id" = "change"."user_id" AND "balance" + "change"."amount" >= 0;
      IF NOT FOUND THEN
        SELECT "balance" INTO "held" FROM "wallets" WHERE "user_id" = "change"."user_id";
        RAISE EXCEPTION 'wallet % holds too little for ledger transaction %', "change"."user_id", "p_reference"
          USING ERRCODE = 'PK001',
            DETAIL = json_build_object('userId', "change"."user_id", 'balance', coalesce("held", 0)::text)::text;
      END IF;
    ELSE
      INSERT INTO "wallets" ("user_id", "balance", "updated_at")
        VALUES ("change"."user_id", "change"."amount", "p_created_at")
        ON CONFLICT ("user_id") DO UPDATE
          SET "balance" = "wallets"."balance" + excluded."balance", "updated_at" = excluded."updated_at";
    END IF;
  END LOOP;
  RETURN 'POSTED';
END;
$$;
--> statement-breakpoint
DROP TRIGGER "ledger_entries_balanced" ON "ledger_entries";
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "ledger_entries_balanced"
  AFTER INSERT ON "ledger_entries"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN (current_setting('ledger.writing', true) IS DISTINCT FROM NEW."transaction_id"::text)
  EXECUTE FUNCTION "ledger_entries_check_balanced"();
--> statement-breakpoint
DROP TRIGGER "ledger_transactions_has_entries" ON "ledger_transactions";
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "ledger_transactions_has_entries"
  AFTER INSERT ON "ledger_transactions"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN (current_setting('ledger.writing', true) IS DISTINCT FROM NEW."id"::text)
  EXECUTE FUNCTION "ledger_transactions_check_entries"();
