ALTER TABLE "ledger_transactions" DROP CONSTRAINT "ledger_transactions_kind_check";--> statement-breakpoint
ALTER TABLE "invoice_usage_lines" ADD COLUMN "vat_rials" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "server_usage_postings" ADD COLUMN "vat_rials" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "server_usage_postings" ADD COLUMN "vat_transaction_id" uuid;--> statement-breakpoint
ALTER TABLE "server_usage_postings" ADD CONSTRAINT "server_usage_postings_vat_transaction_id_ledger_transactions_id_fk" FOREIGN KEY ("vat_transaction_id") REFERENCES "public"."ledger_transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transactions" ADD CONSTRAINT "ledger_transactions_kind_check" CHECK ("ledger_transactions"."kind" in ('TOP_UP', 'DEBIT', 'REFUND', 'ADMIN_CREDIT', 'ADMIN_DEBIT', 'REVERSAL', 'USAGE', 'VAT'));--> statement-breakpoint
DROP FUNCTION "billing_settle"(timestamptz, uuid[], timestamptz[]);
--> statement-breakpoint
-- billing_settle of 0007, which also collects VAT with each usage posting: p_vat_rate in
-- hundredths of a percent (1000 is 10 %). A posting's VAT is the VAT on everything the meter has
-- accrued (half up, once) less the VAT on what was accrued before it, so the remainder carries
-- like usage's own (packages/domain/src/billing/usage-vat.ts is the same arithmetic). It is a
-- ledger transaction of its own (kind VAT, reference `usage-vat:<server>:<window start>`, wallet
-- to `vat-payable`), written in the same statement as its usage posting and recorded on it, so
-- the posting's key makes it as idempotent as the usage. Like usage, it has no overdraft guard.
-- Unchanged otherwise: see 0007 for the model.
CREATE FUNCTION "billing_settle"("p_until" timestamptz, "p_server_ids" uuid[], "p_month_starts" timestamptz[], "p_vat_rate" integer)
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  "settled" integer;
BEGIN
  IF "p_vat_rate" IS NULL OR "p_vat_rate" < 0 THEN
    RAISE EXCEPTION 'billing_settle: VAT rate out of range: %', "p_vat_rate";
  END IF;
  PERFORM set_config('ledger.writing', 'batch', true);
  WITH "due" AS (
    SELECT "m"."server_id", "m"."user_id", "m"."started_at", "m"."settled_until" AS "from",
      least("p_until", coalesce("m"."ends_at", "p_until")) AS "to",
      coalesce("m"."ends_at" <= "p_until", false) AS "final",
      "m"."settled_rials", "m"."prepaid_rials", "s"."name"
    FROM "server_meters" "m" JOIN "servers" "s" ON "s"."id" = "m"."server_id"
    WHERE ("p_server_ids" IS NULL OR "m"."server_id" = ANY ("p_server_ids"))
      AND NOT "m"."settled_final" AND "m"."voided_at" IS NULL
      AND "s"."status" NOT IN ('PENDING', 'PROVISIONING', 'FAILED')
      AND ("m"."settled_until" < least("p_until", coalesce("m"."ends_at", "p_until"))
        OR coalesce("m"."ends_at" <= "p_until", false))
    ORDER BY "m"."server_id"
    FOR UPDATE OF "m"
  ),
  "months" AS (
    SELECT "start", lead("start", 1, 'infinity') OVER (ORDER BY "start") AS "end"
    FROM unnest(ARRAY['-infinity'::timestamptz] || "p_month_starts") AS "start"
  ),
  "periods" AS (
    SELECT "p"."server_id", "p"."hourly_rate", "p"."monthly_cap",
      greatest("p"."starts_at", "d"."started_at") AS "lo",
      least(
        lead("p"."starts_at", 1, 'infinity') OVER (PARTITION BY "p"."server_id" ORDER BY "p"."starts_at"),
        "d"."to"
      ) AS "hi"
    FROM "server_rate_periods" "p" JOIN "due" "d" ON "d"."server_id" = "p"."server_id"
  ),
  "accrued" AS (
    SELECT "pe"."server_id",
      floor(sum(least(
        floor(extract(epoch FROM least("pe"."hi", "mo"."end") - greatest("pe"."lo", "mo"."start")) * 1000)
          * "pe"."hourly_rate",
        "pe"."monthly_cap"::numeric * 3600000
      )) / 3600000)::bigint AS "total"
    FROM "periods" "pe" JOIN "months" "mo" ON "mo"."start" < "pe"."hi" AND "mo"."end" > "pe"."lo"
    WHERE "pe"."hi" > "pe"."lo"
    GROUP BY "pe"."server_id"
  ),
  "amounts" AS (
    SELECT "d".*, greatest("d"."to", "d"."from") AS "until", coalesce("a"."total", 0) AS "total",
      CASE WHEN "d"."final" THEN coalesce("a"."total", 0) ELSE greatest(coalesce("a"."total", 0), "d"."prepaid_rials") END
        - greatest("d"."settled_rials", "d"."prepaid_rials") AS "charge",
      (coalesce("a"."total", 0) * "p_vat_rate" * 2 + 10000) / 20000
        - ("d"."settled_rials" * "p_vat_rate" * 2 + 10000) / 20000 AS "vat"
    FROM "due" "d" LEFT JOIN "accrued" "a" ON "a"."server_id" = "d"."server_id"
  ),
  "posted" AS (
    INSERT INTO "server_usage_postings" ("server_id", "starts_at", "ends_at", "accrued_rials", "charged_rials", "transaction_id",
        "vat_rials", "vat_transaction_id", "created_at")
      SELECT "server_id", "from", "until", "total" - "settled_rials", "charge",
        CASE WHEN "charge" <> 0 THEN gen_random_uuid() END,
        "vat", CASE WHEN "vat" <> 0 THEN gen_random_uuid() END, "p_until"
      FROM "amounts"
      ORDER BY "server_id"
      ON CONFLICT ("server_id", "starts_at") DO NOTHING
      RETURNING "server_id", "transaction_id", "vat_transaction_id"
  ),
  "postings" AS (
    SELECT "a".*, "p"."transaction_id", "p"."vat_transaction_id"
    FROM "posted" "p" JOIN "amounts" "a" ON "a"."server_id" = "p"."server_id"
  ),
  -- Every money movement of the postings, usage and VAT alike, as (transaction, amount to the wallet).
  "moves" AS (
    SELECT "transaction_id" AS "id", 'USAGE' AS "kind", "server_id", "user_id", "name", "from", "until",
        "charge" AS "amount", 'revenue' AS "account"
      FROM "postings" WHERE "transaction_id" IS NOT NULL
    UNION ALL
    SELECT "vat_transaction_id", 'VAT', "server_id", "user_id", "name", "from", "until", "vat", 'vat-payable'
      FROM "postings" WHERE "vat_transaction_id" IS NOT NULL
  ),
  "transactions" AS (
    INSERT INTO "ledger_transactions" ("id", "reference", "kind", "reason", "created_at")
      SELECT "id",
        CASE WHEN "kind" = 'VAT' THEN 'usage-vat:' ELSE 'usage:' END
          || "server_id" || ':' || to_char("from" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        "kind",
        format('Server %s: %s from %s to %s%s', "name",
          CASE WHEN "kind" = 'VAT' THEN 'VAT on usage' ELSE 'usage' END,
          to_char("from" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'),
          to_char("until" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"'),
          CASE WHEN "amount" < 0 THEN ', unused prepayment returned' ELSE '' END),
        "p_until"
      FROM "moves"
  ),
  "entries" AS (
    INSERT INTO "ledger_entries" ("id", "transaction_id", "account", "user_id", "amount", "created_at")
      SELECT gen_random_uuid(), "id", 'wallet:' || "user_id", "user_id", -"amount", "p_until" FROM "moves"
      UNION ALL
      SELECT gen_random_uuid(), "id", "account", NULL, "amount", "p_until" FROM "moves"
  ),
  "balances" AS (
    INSERT INTO "wallets" ("user_id", "balance", "updated_at")
      SELECT "user_id", -sum("amount"), "p_until" FROM "moves"
      GROUP BY "user_id" ORDER BY "user_id"
      ON CONFLICT ("user_id") DO UPDATE
        SET "balance" = "wallets"."balance" + excluded."balance",
          "updated_at" = greatest("wallets"."updated_at", excluded."updated_at")
  ),
  "advanced" AS (
    UPDATE "server_meters" "m"
      SET "settled_until" = "p"."until", "settled_rials" = "p"."total", "settled_final" = "p"."final"
      FROM "postings" "p" WHERE "m"."server_id" = "p"."server_id"
  )
  SELECT count(*) INTO "settled" FROM "posted";
  PERFORM set_config('ledger.writing', '', true);
  RETURN "settled";
END;
$$;
