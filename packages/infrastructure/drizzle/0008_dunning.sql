CREATE TABLE "dunning_episodes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"grace_ends_at" timestamp with time zone,
	"terminates_at" timestamp with time zone,
	"termination_warned_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "dunning_episodes_stage_check" CHECK ("dunning_episodes"."stage" in ('WARNED', 'GRACE', 'SUSPENDED', 'TERMINATING', 'RESUMING'))
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"language" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"provider_message_id" text,
	CONSTRAINT "notifications_dedupe_key_unique" UNIQUE("dedupe_key"),
	CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" in ('WALLET_RUNNING_LOW', 'WALLET_IN_DEBT', 'SERVERS_SUSPENDED', 'TERMINATION_SOON', 'SERVERS_TERMINATED', 'SERVERS_RESUMED')),
	CONSTRAINT "notifications_channel_check" CHECK ("notifications"."channel" in ('EMAIL', 'SMS'))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "language" text DEFAULT 'fa' NOT NULL;--> statement-breakpoint
ALTER TABLE "dunning_episodes" ADD CONSTRAINT "dunning_episodes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dunning_episodes_open_unique" ON "dunning_episodes" USING btree ("user_id") WHERE "dunning_episodes"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "dunning_episodes_user_id_idx" ON "dunning_episodes" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "notifications_user_id_created_at_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_language_check" CHECK ("users"."language" in ('fa', 'en'));