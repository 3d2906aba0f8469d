CREATE TABLE "images" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"distribution" text NOT NULL,
	"version" text NOT NULL,
	"provider_images" jsonb NOT NULL,
	"position" integer NOT NULL,
	"retired_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_offers" (
	"plan_id" text NOT NULL,
	"region_id" text NOT NULL,
	"provider_size" text NOT NULL,
	"is_available" boolean NOT NULL,
	"position" integer NOT NULL,
	"retired_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "plan_offers_pk" PRIMARY KEY("plan_id","region_id")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"provider" text NOT NULL,
	"vcpus" integer NOT NULL,
	"memory_mb" integer NOT NULL,
	"disk_gb" integer NOT NULL,
	"cost_currency" text NOT NULL,
	"monthly_cost_minor" bigint NOT NULL,
	"hourly_price" bigint NOT NULL,
	"monthly_price" bigint NOT NULL,
	"position" integer NOT NULL,
	"retired_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "plans_provider_check" CHECK ("plans"."provider" in ('DIGITALOCEAN', 'HETZNER', 'OVH')),
	CONSTRAINT "plans_prices_check" CHECK ("plans"."hourly_price" > 0 and "plans"."monthly_price" > 0)
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"provider" text NOT NULL,
	"country" text NOT NULL,
	"city" text NOT NULL,
	"provider_region" text NOT NULL,
	"is_available" boolean NOT NULL,
	"position" integer NOT NULL,
	"retired_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "regions_provider_check" CHECK ("regions"."provider" in ('DIGITALOCEAN', 'HETZNER', 'OVH'))
);
--> statement-breakpoint
CREATE TABLE "server_quotas" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"limit" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "server_quotas_limit_check" CHECK ("server_quotas"."limit" >= 0)
);
--> statement-breakpoint
CREATE TABLE "server_status_changes" (
	"server_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text NOT NULL,
	"previous_status" text,
	"reason" text,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "server_status_changes_pk" PRIMARY KEY("server_id","version"),
	CONSTRAINT "server_status_changes_status_check" CHECK ("server_status_changes"."status" in ('PENDING', 'PROVISIONING', 'ACTIVE', 'OFF', 'REBOOTING', 'REBUILDING', 'RESIZING', 'SUSPENDED', 'DELETING', 'DELETED', 'FAILED')),
	CONSTRAINT "server_status_changes_previous_status_check" CHECK ("server_status_changes"."previous_status" is null or "server_status_changes"."previous_status" in ('PENDING', 'PROVISIONING', 'ACTIVE', 'OFF', 'REBOOTING', 'REBUILDING', 'RESIZING', 'SUSPENDED', 'DELETING', 'DELETED', 'FAILED'))
);
--> statement-breakpoint
CREATE TABLE "servers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"provider" text NOT NULL,
	"plan_id" text NOT NULL,
	"region_id" text NOT NULL,
	"image_id" text NOT NULL,
	"ssh_key_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"provider_server_id" text,
	"ipv4" text,
	"ipv6" text,
	"pending_operation" text,
	"failure_reason" text,
	"version" integer NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "servers_user_id_idempotency_key_unique" UNIQUE("user_id","idempotency_key"),
	CONSTRAINT "servers_status_check" CHECK ("servers"."status" in ('PENDING', 'PROVISIONING', 'ACTIVE', 'OFF', 'REBOOTING', 'REBUILDING', 'RESIZING', 'SUSPENDED', 'DELETING', 'DELETED', 'FAILED')),
	CONSTRAINT "servers_provider_check" CHECK ("servers"."provider" in ('DIGITALOCEAN', 'HETZNER', 'OVH')),
	CONSTRAINT "servers_pending_operation_check" CHECK ("servers"."pending_operation" is null or "servers"."pending_operation" in ('POWER_OFF', 'POWER_ON', 'REBOOT', 'REBUILD', 'RESIZE', 'DELETE')),
	CONSTRAINT "servers_version_check" CHECK ("servers"."version" >= 1),
	CONSTRAINT "servers_deleted_at_check" CHECK (("servers"."status" = 'DELETED') = ("servers"."deleted_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "ssh_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"public_key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ssh_keys_user_id_fingerprint_unique" UNIQUE("user_id","fingerprint")
);
--> statement-breakpoint
ALTER TABLE "plan_offers" ADD CONSTRAINT "plan_offers_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_offers" ADD CONSTRAINT "plan_offers_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "server_quotas" ADD CONSTRAINT "server_quotas_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "server_status_changes" ADD CONSTRAINT "server_status_changes_server_id_servers_id_fk" FOREIGN KEY ("server_id") REFERENCES "public"."servers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "servers" ADD CONSTRAINT "servers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "servers" ADD CONSTRAINT "servers_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "servers" ADD CONSTRAINT "servers_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "servers" ADD CONSTRAINT "servers_image_id_images_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."images"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ssh_keys" ADD CONSTRAINT "ssh_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "servers_provider_server_id_unique" ON "servers" USING btree ("provider","provider_server_id") WHERE "servers"."provider_server_id" is not null;--> statement-breakpoint
CREATE INDEX "servers_user_id_created_at_id_idx" ON "servers" USING btree ("user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "servers_created_at_id_idx" ON "servers" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "ssh_keys_user_id_created_at_idx" ON "ssh_keys" USING btree ("user_id","created_at","id");
--> statement-breakpoint
-- A server's history is evidence for support and billing: once written, a row is never changed.
CREATE FUNCTION "server_status_changes_reject_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'server_status_changes is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "server_status_changes_append_only"
  BEFORE UPDATE OR DELETE ON "server_status_changes"
  FOR EACH ROW EXECUTE FUNCTION "server_status_changes_reject_change"();
--> statement-breakpoint
CREATE TRIGGER "server_status_changes_no_truncate"
  BEFORE TRUNCATE ON "server_status_changes"
  FOR EACH STATEMENT EXECUTE FUNCTION "server_status_changes_reject_change"();
