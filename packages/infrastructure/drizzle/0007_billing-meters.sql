CREATE TABLE "server_meters" (
	"server_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	"prepaid_rials" bigint NOT NULL,
	"settled_until" timestamp with time zone NOT NULL,
	"settled_rials" bigint NOT NULL,
	"settled_final" boolean DEFAULT false NOT NULL,
	CONSTRAINT "server_meters_prepaid_check" CHECK ("server_meters"."prepaid_rials" >= 0),
	CONSTRAINT "server_meters_settled_check" CHECK ("server_meters"."settled_rials" >= 0 and "server_meters"."settled_until" >= "server_meters"."started_at")
);
--> statement-breakpoint
CREATE TABLE "server_rate_periods" (
	"server_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"plan_id" text NOT NULL,
	"hourly_rate" bigint NOT NULL,
	"monthly_cap" bigint NOT NULL,
	CONSTRAINT "server_rate_periods_pk" PRIMARY KEY("server_id","starts_at"),
	CONSTRAINT "server_rate_periods_rates_check" CHECK ("server_rate_periods"."hourly_rate" > 0 and "server_rate_periods"."monthly_cap" > 0)
);
--> statement-breakpoint
CREATE TABLE "server_usage_postings" (
	"server_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"accrued_rials" bigint NOT NULL,
	"charged_rials" bigint NOT NULL,
	"transaction_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "server_usage_postings_pk" PRIMARY KEY("server_id","starts_at")
);
--> statement-breakpoint
ALTER TABLE "ledger_transactions" DROP CONSTRAINT "ledger_transactions_kind_check";--> statement-breakpoint
ALTER TABLE "server_meters" ADD CONSTRAINT "server_meters_server_id_servers_id_fk" FOREIGN KEY ("server_id") REFERENCES "public"."servers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "server_meters" ADD CONSTRAINT "server_meters_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "server_rate_periods" ADD CONSTRAINT "server_rate_periods_server_id_servers_id_fk" FOREIGN KEY ("server_id") REFERENCES "public"."servers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "server_rate_periods" ADD CONSTRAINT "server_rate_periods_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "server_usage_postings" ADD CONSTRAINT "server_usage_postings_server_id_server_meters_server_id_fk" FOREIGN KEY ("server_id") REFERENCES "public"."server_meters"("server_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "server_usage_postings" ADD CONSTRAINT "server_usage_postings_transaction_id_ledger_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."ledger_transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "server_meters_user_id_idx" ON "server_meters" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "ledger_transactions" ADD CONSTRAINT "ledger_transactions_kind_check" CHECK ("ledger_transactions"."kind" in ('TOP_UP', 'DEBIT', 'REFUND', 'ADMIN_CREDIT', 'ADMIN_DEBIT', 'REVERSAL', 'USAGE'));
--> statement-breakpoint
-- Servers ordered before billing existed get a meter from their order, with what the order charged
-- as prepayment and their plan's prices now as their one rate period; FAILED ones (refunded) are void.
INSERT INTO "server_meters" ("server_id", "user_id", "started_at", "ends_at", "voided_at", "prepaid_rials", "settled_until", "settled_rials")
  SELECT "s"."id", "s"."user_id", "s"."created_at",
    CASE WHEN "s"."deleted_at" IS NOT NULL THEN greatest("s"."deleted_at", "s"."created_at" + interval '60 seconds') END,
    CASE WHEN "s"."status" = 'FAILED' OR EXISTS (
      SELECT 1 FROM "ledger_transactions" "t" WHERE "t"."reference" = 'server:' || "s"."id" || ':refund'
    ) THEN "s"."updated_at" END,
    coalesce((
      SELECT -sum("e"."amount") FROM "ledger_transactions" "t"
      JOIN "ledger_entries" "e" ON "e"."transaction_id" = "t"."id" AND "e"."user_id" = "s"."user_id"
      WHERE "t"."reference" = 'server:' || "s"."id" || ':order'
    ), 0),
    "s"."created_at", 0
  FROM "servers" "s";
--> statement-breakpoint
INSERT INTO "server_rate_periods" ("server_id", "starts_at", "plan_id", "hourly_rate", "monthly_cap")
  SELECT "s"."id", "s"."created_at", "s"."plan_id", "p"."hourly_price", "p"."monthly_price"
  FROM "servers" "s" JOIN "plans" "p" ON "p"."id" = "s"."plan_id";
--> statement-breakpoint
-- Settles metered usage up to p_until, set-wise: every due meter (of p_server_ids, or all when
-- null) in one statement, so ten thousand servers cost one pass, not ten thousand round trips.
-- docs/billing.md is the model; packages/domain/src/billing/server-meter.ts is the same
-- arithmetic in TypeScript, and the tests hold the two to each other.
--
-- A meter is due when its server is past provisioning (a server that may still FAIL accrues
-- but is not charged yet; FAILED ones are void) and it has time left to post, or its final
-- posting. Due meters are locked in server-id order and re-read under the lock, so two runs at
-- once post each window once: the second finds the meter advanced. The posting's key (server,
-- window start) backs that up. For each meter the statement computes what accrued from the order
-- to the window's end (each rate period's share of each Jalali month, rate × milliseconds, capped
-- at the monthly price; p_month_starts are the months' first instants, from the domain's
-- calendar), floored once; the posting takes that less what was settled before, so sub-rial
-- remainders carry to the next posting. The wallet pays the accrual beyond the order's
-- prepayment, and the final posting gives back what the prepayment did not use.
--
-- Usage postings are written without the overdraft guard: a server that ran is owed for, and the
-- debt shows as a negative balance. Orders and staff debits still go through `ledger_write`'s
-- guard. The ledger rows are written as `ledger_write_batch` (0006) writes them: each
-- transaction has two entries that sum to zero by construction, so the deferred per-row checks
-- of 0003 may skip them.
CREATE FUNCTION "billing_settle"("p_until" timestamptz, "p_server_ids" uuid[], "p_month_starts" timestamptz[])
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  "settled" integer;
BEGIN
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
        - greatest("d"."settled_rials", "d"."prepaid_rials") AS "charge"
    FROM "due" "d" LEFT JOIN "accrued" "a" ON "a"."server_id" = "d"."server_id"
  ),
  "posted" AS (
    INSERT INTO "server_usage_postings" ("server_id", "starts_at", "ends_at", "accrued_rials", "charged_rials", "transaction_id", "created_at")
      SELECT "server_id", "from", "until", "total" - "settled_rials", "charge",
        CASE WHEN "charge" <> 0 THEN gen_random_uuid() END, "p_until"
      FROM "amounts"
      ORDER BY "server_id"
      ON CONFLICT ("server_id", "starts_at") DO NOTHING
      RETURNING "server_id", "transaction_id"
  ),
  "postings" AS (
    SELECT "a".*, "p"."transaction_id" FROM "posted" "p" JOIN "amounts" "a" ON "a"."server_id" = "p"."server_id"
  ),
  "transactions" AS (
    INSERT INTO "ledger_transactions" ("id", "reference", "kind", "reason", "created_at")
      SELECT "transaction_id",
        'usage:' || "server_id" || ':' || to_char("from" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'USAGE',
        format('Server %s: usage from %s to %s%s', "name",
          to_char("from" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'),
          to_char("until" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"'),
          CASE WHEN "charge" < 0 THEN ', unused prepayment returned' ELSE '' END),
        "p_until"
      FROM "postings" WHERE "transaction_id" IS NOT NULL
  ),
  "entries" AS (
    INSERT INTO "ledger_entries" ("id", "transaction_id", "account", "user_id", "amount", "created_at")
      SELECT gen_random_uuid(), "transaction_id", 'wallet:' || "user_id", "user_id", -"charge", "p_until"
        FROM "postings" WHERE "transaction_id" IS NOT NULL
      UNION ALL
      SELECT gen_random_uuid(), "transaction_id", 'revenue', NULL, "charge", "p_until"
        FROM "postings" WHERE "transaction_id" IS NOT NULL
  ),
  "balances" AS (
    INSERT INTO "wallets" ("user_id", "balance", "updated_at")
      SELECT "user_id", -sum("charge"), "p_until" FROM "postings" WHERE "transaction_id" IS NOT NULL
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
