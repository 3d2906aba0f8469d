-- billing_settle of 0015, writing the same rows to the rial, made cheaper where a profile of the
-- hourly settlement of 10,000 meters showed the time going (docs/performance.md, Billing settlement):
-- - It runs without JIT. The planner cannot estimate rows through the chained data-modifying
--   CTEs, so its cost for 10,000 meters ran into the hundreds of millions, far past the JIT
--   thresholds, and PostgreSQL spent about 2 s compiling some 120 expressions with LLVM for a
--   statement that executes in well under a second: this statement's rows never pay that back.
-- - The Jalali months joined to the rate periods are only those overlapping the due meters' span
--   (from the earliest start to the latest window end), not every month of the calendar: each
--   period was tested against all of them (about 190, so 1.9 million pairs for 10,000 meters).
-- Unchanged otherwise: see 0007, 0011 and 0015 for the model.
CREATE OR REPLACE FUNCTION "billing_settle"("p_until" timestamptz, "p_server_ids" uuid[], "p_month_starts" timestamptz[], "p_vat_rate" integer)
RETURNS integer
LANGUAGE plpgsql
SET jit = off
AS $$
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
      "m"."settled_rials", "m"."prepaid_rials", "s"."name",
      "m"."our_settled_rials", "m"."our_prepaid_rials", "m"."settled_until" = "m"."started_at" AS "first",
      "u"."reseller_id"
    FROM "server_meters" "m" JOIN "servers" "s" ON "s"."id" = "m"."server_id"
      JOIN "users" "u" ON "u"."id" = "m"."user_id"
    WHERE ("p_server_ids" IS NULL OR "m"."server_id" = ANY ("p_server_ids"))
      AND NOT "m"."settled_final" AND "m"."voided_at" IS NULL
      AND "s"."status" NOT IN ('PENDING', 'PROVISIONING', 'FAILED')
      AND ("m"."settled_until" < least("p_until", coalesce("m"."ends_at", "p_until"))
        OR coalesce("m"."ends_at" <= "p_until", false))
    ORDER BY "m"."server_id"
    FOR UPDATE OF "m"
  ),
  -- Every Jalali month overlapping a due meter's span, as [start, end).
  "months" AS (
    SELECT "mo"."start", "mo"."end"
    FROM (
      SELECT "start", lead("start", 1, 'infinity') OVER (ORDER BY "start") AS "end"
      FROM unnest(ARRAY['-infinity'::timestamptz] || "p_month_starts") AS "start"
    ) "mo", (SELECT min("started_at") AS "lo", max("to") AS "hi" FROM "due") "b"
    WHERE "mo"."end" > "b"."lo" AND "mo"."start" < "b"."hi"
  ),
  "periods" AS (
    SELECT "p"."server_id", "p"."hourly_rate", "p"."monthly_cap", "p"."our_hourly_rate", "p"."our_monthly_cap",
      greatest("p"."starts_at", "d"."started_at") AS "lo",
      least(
        lead("p"."starts_at", 1, 'infinity') OVER (PARTITION BY "p"."server_id" ORDER BY "p"."starts_at"),
        "d"."to"
      ) AS "hi"
    FROM "server_rate_periods" "p" JOIN "due" "d" ON "d"."server_id" = "p"."server_id"
  ),
  "spans" AS (
    SELECT "pe".*, floor(extract(epoch FROM least("pe"."hi", "mo"."end") - greatest("pe"."lo", "mo"."start")) * 1000) AS "ms"
    FROM "periods" "pe" JOIN "months" "mo" ON "mo"."start" < "pe"."hi" AND "mo"."end" > "pe"."lo"
    WHERE "pe"."hi" > "pe"."lo"
  ),
  "accrued" AS (
    SELECT "server_id",
      floor(sum(least("ms" * "hourly_rate", "monthly_cap"::numeric * 3600000)) / 3600000)::bigint AS "total",
      floor(sum(least("ms" * "our_hourly_rate", "our_monthly_cap"::numeric * 3600000)) / 3600000)::bigint AS "ours"
    FROM "spans"
    GROUP BY "server_id"
  ),
  "shares" AS (
    SELECT "d".*, greatest("d"."to", "d"."from") AS "until", coalesce("a"."total", 0) AS "total",
      coalesce("a"."ours", 0) AS "ours",
      CASE WHEN "d"."final" THEN coalesce("a"."total", 0) ELSE greatest(coalesce("a"."total", 0), "d"."prepaid_rials") END
        - greatest("d"."settled_rials", "d"."prepaid_rials") AS "charge",
      CASE WHEN "d"."final" THEN coalesce("a"."ours", 0) ELSE greatest(coalesce("a"."ours", 0), "d"."our_prepaid_rials") END
        - greatest("d"."our_settled_rials", "d"."our_prepaid_rials") AS "our_share",
      (coalesce("a"."total", 0) * "p_vat_rate" * 2 + 10000) / 20000
        - ("d"."settled_rials" * "p_vat_rate" * 2 + 10000) / 20000 AS "vat"
    FROM "due" "d" LEFT JOIN "accrued" "a" ON "a"."server_id" = "d"."server_id"
  ),
  "amounts" AS (
    SELECT "sh".*,
      CASE WHEN "sh"."reseller_id" IS NULL THEN 0
        ELSE "sh"."charge" - "sh"."our_share"
          + CASE WHEN "sh"."first" THEN "sh"."prepaid_rials" - "sh"."our_prepaid_rials" ELSE 0 END
      END AS "margin"
    FROM "shares" "sh"
  ),
  "posted" AS (
    INSERT INTO "server_usage_postings" ("server_id", "starts_at", "ends_at", "accrued_rials", "charged_rials", "transaction_id",
        "vat_rials", "vat_transaction_id", "margin_rials", "margin_transaction_id", "created_at")
      SELECT "server_id", "from", "until", "total" - "settled_rials", "charge",
        CASE WHEN "charge" <> 0 THEN gen_random_uuid() END,
        "vat", CASE WHEN "vat" <> 0 THEN gen_random_uuid() END,
        "margin", CASE WHEN "margin" <> 0 THEN gen_random_uuid() END, "p_until"
      FROM "amounts"
      ORDER BY "server_id"
      ON CONFLICT ("server_id", "starts_at") DO NOTHING
      RETURNING "server_id", "transaction_id", "vat_transaction_id", "margin_transaction_id"
  ),
  "postings" AS (
    SELECT "a".*, "p"."transaction_id", "p"."vat_transaction_id", "p"."margin_transaction_id"
    FROM "posted" "p" JOIN "amounts" "a" ON "a"."server_id" = "p"."server_id"
  ),
  -- Every money movement of the postings, usage, VAT and margin alike, as (transaction, wallet,
  -- amount taken from that wallet, account it goes to).
  "moves" AS (
    SELECT "transaction_id" AS "id", 'USAGE' AS "kind", "server_id", "user_id", "name", "from", "until",
        "charge" AS "amount", 'revenue' AS "account"
      FROM "postings" WHERE "transaction_id" IS NOT NULL
    UNION ALL
    SELECT "vat_transaction_id", 'VAT', "server_id", "user_id", "name", "from", "until", "vat", 'vat-payable'
      FROM "postings" WHERE "vat_transaction_id" IS NOT NULL
    UNION ALL
    SELECT "margin_transaction_id", 'RESELLER_MARGIN', "server_id", "reseller_id", "name", "from", "until",
        -"margin", 'revenue'
      FROM "postings" WHERE "margin_transaction_id" IS NOT NULL
  ),
  "transactions" AS (
    INSERT INTO "ledger_transactions" ("id", "reference", "kind", "reason", "created_at")
      SELECT "id",
        CASE "kind" WHEN 'VAT' THEN 'usage-vat:' WHEN 'RESELLER_MARGIN' THEN 'usage-margin:' ELSE 'usage:' END
          || "server_id" || ':' || to_char("from" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        "kind",
        format('Server %s: %s from %s to %s%s', "name",
          CASE "kind" WHEN 'VAT' THEN 'VAT on usage' WHEN 'RESELLER_MARGIN' THEN 'reseller margin on usage' ELSE 'usage' END,
          to_char("from" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'),
          to_char("until" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"'),
          CASE
            WHEN "kind" = 'RESELLER_MARGIN' AND "amount" > 0 THEN ', margin returned'
            WHEN "kind" <> 'RESELLER_MARGIN' AND "amount" < 0 THEN ', unused prepayment returned'
            ELSE ''
          END),
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
      SET "settled_until" = "p"."until", "settled_rials" = "p"."total", "settled_final" = "p"."final",
        "our_settled_rials" = "p"."ours"
      FROM "postings" "p" WHERE "m"."server_id" = "p"."server_id"
  )
  SELECT count(*) INTO "settled" FROM "posted";
  PERFORM set_config('ledger.writing', '', true);
  RETURN "settled";
END;
$$;
