CREATE TABLE "reseller_markups" (
	"reseller_id" uuid PRIMARY KEY NOT NULL,
	"basis_points" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reseller_markups_basis_points_check" CHECK ("reseller_markups"."basis_points" between 0 and 100000)
);
--> statement-breakpoint
ALTER TABLE "ledger_transactions" DROP CONSTRAINT "ledger_transactions_kind_check";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "reseller_id" uuid;--> statement-breakpoint
ALTER TABLE "reseller_markups" ADD CONSTRAINT "reseller_markups_reseller_id_users_id_fk" FOREIGN KEY ("reseller_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_reseller_id_users_id_fk" FOREIGN KEY ("reseller_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "users_reseller_id_created_at_idx" ON "users" USING btree ("reseller_id","created_at","id");--> statement-breakpoint
ALTER TABLE "ledger_transactions" ADD CONSTRAINT "ledger_transactions_kind_check" CHECK ("ledger_transactions"."kind" in ('TOP_UP', 'DEBIT', 'REFUND', 'ADMIN_CREDIT', 'ADMIN_DEBIT', 'REVERSAL', 'USAGE', 'VAT', 'RESELLER_TRANSFER', 'RESELLER_MARGIN'));