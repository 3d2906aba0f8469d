CREATE TABLE "invoice_number_counters" (
	"jalali_year" integer PRIMARY KEY NOT NULL,
	"last_number" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_statement_lines" (
	"invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"amount_rials" bigint NOT NULL,
	CONSTRAINT "invoice_statement_lines_pk" PRIMARY KEY("invoice_id","position")
);
--> statement-breakpoint
CREATE TABLE "invoice_usage_lines" (
	"invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"server_id" uuid NOT NULL,
	"server_name" text NOT NULL,
	"plan_id" text NOT NULL,
	"region_id" text NOT NULL,
	"provider" text NOT NULL,
	"seconds" bigint NOT NULL,
	"amount_rials" bigint NOT NULL,
	CONSTRAINT "invoice_usage_lines_pk" PRIMARY KEY("invoice_id","position")
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"number" text NOT NULL,
	"jalali_year" integer NOT NULL,
	"jalali_month" integer NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"buyer_email" text NOT NULL,
	"seller" jsonb NOT NULL,
	"vat_rate_basis_points" integer NOT NULL,
	"subtotal_rials" bigint NOT NULL,
	"vat_rials" bigint NOT NULL,
	"total_rials" bigint NOT NULL,
	CONSTRAINT "invoices_number_unique" UNIQUE("number"),
	CONSTRAINT "invoices_user_month_unique" UNIQUE("user_id","jalali_year","jalali_month"),
	CONSTRAINT "invoices_total_check" CHECK ("invoices"."total_rials" = "invoices"."subtotal_rials" + "invoices"."vat_rials")
);
--> statement-breakpoint
ALTER TABLE "invoice_statement_lines" ADD CONSTRAINT "invoice_statement_lines_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_usage_lines" ADD CONSTRAINT "invoice_usage_lines_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoices_user_id_period_start_id_idx" ON "invoices" USING btree ("user_id","period_start" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "invoices_period_start_idx" ON "invoices" USING btree ("period_start");