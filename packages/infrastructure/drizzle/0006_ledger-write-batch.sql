-- Several guarded ledger writes (debits) in one statement and one commit, each with the outcome
-- `ledger_write` (0004) would have given it alone, in the order given: POSTED, DUPLICATE (its
-- reference is taken, by an earlier write or an earlier one of the batch), or INSUFFICIENT_FUNDS
-- with the DETAIL `ledger_write` raises (what the wallet holds once the earlier writes are in).
--
-- It decides first and writes after, set-wise: every wallet the batch touches is locked in
-- user-id order (the order `ledger_write` takes them in, so batches of two processes cannot
-- deadlock) and read once; the writes are then decided in order against those balances in
-- memory; then the posted transactions, their entries and the wallets are written in three
-- statements. Anything it cannot decide that way raises, writes nothing, and the caller writes
-- the batch one by one through `ledger_write`: a write that does not balance, a debit of a wallet
-- that has no row, a reference written by someone else meanwhile.
CREATE FUNCTION "ledger_write_batch"("p_writes" jsonb)
RETURNS TABLE ("ordinal" bigint, "status" text, "detail" text)
LANGUAGE plpgsql AS $$
DECLARE
  "w" record;
  "change" record;
  "balances" jsonb;
  "taken" text[];
  "posted" bigint[] := '{}';
  "short" record;
  "written" bigint;
  "wallets_changed" bigint;
BEGIN
  IF EXISTS (
    SELECT 1 FROM jsonb_array_elements("p_writes") AS "item"
    WHERE (SELECT count(*) < 2 OR coalesce(sum(("e"->>'amount')::bigint), 0) <> 0
           FROM jsonb_array_elements("item"->'entries') AS "e")
  ) THEN
    RAISE EXCEPTION 'a ledger transaction of the batch does not balance or has fewer than two entries'
      USING ERRCODE = 'check_violation';
  END IF;

  SELECT coalesce(jsonb_object_agg("locked"."user_id", "locked"."balance"), '{}') INTO "balances"
  FROM (
    SELECT "user_id", "balance" FROM "wallets"
    WHERE "user_id" IN (
      SELECT ("e"->>'user_id')::uuid
      FROM jsonb_array_elements("p_writes") AS "item", jsonb_array_elements("item"->'entries') AS "e"
    )
    ORDER BY "user_id"
    FOR UPDATE
  ) AS "locked";

  SELECT coalesce(array_agg("reference"), '{}') INTO "taken" FROM "ledger_transactions"
  WHERE "reference" IN (SELECT "item"->>'reference' FROM jsonb_array_elements("p_writes") AS "item");

  FOR "w" IN
    SELECT "item"."value" AS "write", "item"."ordinality" AS "n",
      -- What the write does to each wallet, as {user id: amount}.
      (SELECT coalesce(jsonb_object_agg("per"."user_id", "per"."amount"), '{}')
       FROM (SELECT ("e"->>'user_id')::uuid::text AS "user_id", sum(("e"->>'amount')::bigint) AS "amount"
             FROM jsonb_array_elements("item"."value"->'entries') AS "e"
             WHERE "e"->>'user_id' IS NOT NULL
             GROUP BY 1) AS "per") AS "changes"
    FROM jsonb_array_elements("p_writes") WITH ORDINALITY AS "item"
    ORDER BY "item"."ordinality"
  LOOP
    "ordinal" := "w"."n";
    "detail" := NULL;
    IF ("w"."write"->>'reference') = ANY ("taken") THEN
      "status" := 'DUPLICATE';
      RETURN NEXT;
      CONTINUE;
    END IF;
    "short" := NULL;
    FOR "change" IN
      SELECT "key" AS "user_id", "value"::bigint AS "amount" FROM jsonb_each_text("w"."changes") ORDER BY 1
    LOOP
      IF "change"."amount" < 0 AND NOT "balances" ? "change"."user_id" THEN
        RAISE EXCEPTION 'wallet % has no row to debit', "change"."user_id"
          USING ERRCODE = 'no_data_found';
      END IF;
      IF "change"."amount" < 0 AND ("balances"->>"change"."user_id")::bigint + "change"."amount" < 0 THEN
        "short" := "change";
        EXIT;
      END IF;
    END LOOP;
    IF "short" IS NOT NULL THEN
      "status" := 'INSUFFICIENT_FUNDS';
      "detail" := json_build_object('userId', "short"."user_id", 'balance', "balances"->>"short"."user_id")::text;
      RETURN NEXT;
      CONTINUE;
    END IF;
    FOR "change" IN
      SELECT "key" AS "user_id", "value"::bigint AS "amount" FROM jsonb_each_text("w"."changes") ORDER BY 1
    LOOP
      "balances" := jsonb_set("balances", ARRAY["change"."user_id"],
        to_jsonb(coalesce(("balances"->>"change"."user_id")::bigint, 0) + "change"."amount"));
    END LOOP;
    "taken" := "taken" || ("w"."write"->>'reference');
    "posted" := "posted" || "w"."n";
    "status" := 'POSTED';
    RETURN NEXT;
  END LOOP;

  IF cardinality("posted") = 0 THEN
    RETURN;
  END IF;
  -- Only this statement writes while the setting says so; every transaction it writes was
  -- checked above, so the deferred per-row checks of 0003 may skip its rows.
  PERFORM set_config('ledger.writing', 'batch', true);
  INSERT INTO "ledger_transactions" ("id", "reference", "kind", "reason", "created_at")
    SELECT ("item"."value"->>'id')::uuid, "item"."value"->>'reference', "item"."value"->>'kind',
      "item"."value"->>'reason', ("item"."value"->>'createdAt')::timestamptz
    FROM jsonb_array_elements("p_writes") WITH ORDINALITY AS "item"
    WHERE "item"."ordinality" = ANY ("posted")
    ORDER BY "item"."ordinality"
    ON CONFLICT ("reference") DO NOTHING;
  GET DIAGNOSTICS "written" = ROW_COUNT;
  IF "written" <> cardinality("posted") THEN
    RAISE EXCEPTION 'a reference of the batch was written by another transaction meanwhile'
      USING ERRCODE = 'unique_violation';
  END IF;
  INSERT INTO "ledger_entries" ("id", "transaction_id", "account", "user_id", "amount", "created_at")
    SELECT ("e"->>'id')::uuid, ("item"."value"->>'id')::uuid, "e"->>'account', ("e"->>'user_id')::uuid,
      ("e"->>'amount')::bigint, ("item"."value"->>'createdAt')::timestamptz
    FROM jsonb_array_elements("p_writes") WITH ORDINALITY AS "item",
      jsonb_array_elements("item"."value"->'entries') AS "e"
    WHERE "item"."ordinality" = ANY ("posted");
  PERFORM set_config('ledger.writing', '', true);
  -- The guard again, as `ledger_write` words it, though the locked balances above already decided.
  INSERT INTO "wallets" ("user_id", "balance", "updated_at")
    SELECT ("e"->>'user_id')::uuid, sum(("e"->>'amount')::bigint), max(("item"."value"->>'createdAt')::timestamptz)
    FROM jsonb_array_elements("p_writes") WITH ORDINALITY AS "item",
      jsonb_array_elements("item"."value"->'entries') AS "e"
    WHERE "item"."ordinality" = ANY ("posted") AND "e"->>'user_id' IS NOT NULL
    GROUP BY 1
    ORDER BY 1
    ON CONFLICT ("user_id") DO UPDATE
      SET "balance" = "wallets"."balance" + excluded."balance", "updated_at" = excluded."updated_at"
      WHERE excluded."balance" >= 0 OR "wallets"."balance" + excluded."balance" >= 0;
  GET DIAGNOSTICS "wallets_changed" = ROW_COUNT;
  SELECT "wallets_changed" - count(DISTINCT "e"->>'user_id') INTO "wallets_changed"
    FROM jsonb_array_elements("p_writes") WITH ORDINALITY AS "item",
      jsonb_array_elements("item"."value"->'entries') AS "e"
    WHERE "item"."ordinality" = ANY ("posted") AND "e"->>'user_id' IS NOT NULL;
  IF "wallets_changed" <> 0 THEN
    RAISE EXCEPTION 'a wallet of the batch would have gone below zero' USING ERRCODE = 'check_violation';
  END IF;
END;
$$;
--> statement-breakpoint
DROP TRIGGER "ledger_entries_balanced" ON "ledger_entries";
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "ledger_entries_balanced"
  AFTER INSERT ON "ledger_entries"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN (current_setting('ledger.writing', true) IS DISTINCT FROM NEW."transaction_id"::text
    AND current_setting('ledger.writing', true) IS DISTINCT FROM 'batch')
  EXECUTE FUNCTION "ledger_entries_check_balanced"();
--> statement-breakpoint
DROP TRIGGER "ledger_transactions_has_entries" ON "ledger_transactions";
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "ledger_transactions_has_entries"
  AFTER INSERT ON "ledger_transactions"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN (current_setting('ledger.writing', true) IS DISTINCT FROM NEW."id"::text
    AND current_setting('ledger.writing', true) IS DISTINCT FROM 'batch')
  EXECUTE FUNCTION "ledger_transactions_check_entries"();
