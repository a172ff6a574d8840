CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"secret_hash" text NOT NULL,
	"role" text NOT NULL,
	"feed_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"operator_id" text,
	"label" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"revoked_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "server_secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feed_files" (
	"feed_id" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"sha256" text NOT NULL,
	"zip" "bytea" NOT NULL,
	"stored_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feeds" (
	"id" text PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"version" integer NOT NULL,
	"imported_at" timestamp (3) with time zone NOT NULL,
	"source" text
);
--> statement-breakpoint
CREATE TABLE "journeys" (
	"id" text PRIMARY KEY NOT NULL,
	"rider_id" text NOT NULL,
	"status" text NOT NULL,
	"itinerary" text NOT NULL,
	"itinerary_hash" text NOT NULL,
	"departure_at" timestamp (3) with time zone NOT NULL,
	"arrival_at" timestamp (3) with time zone NOT NULL,
	"reservation_id" text,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"cancelled_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "availability_reports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"facility_id" text NOT NULL,
	"available_spaces" integer NOT NULL,
	"status" text NOT NULL,
	"observed_at" timestamp (3) with time zone NOT NULL,
	"received_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "operators" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parking_availability" (
	"facility_id" text PRIMARY KEY NOT NULL,
	"available_spaces" integer NOT NULL,
	"status" text NOT NULL,
	"observed_at" timestamp (3) with time zone NOT NULL,
	"received_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parking_facilities" (
	"id" text PRIMARY KEY NOT NULL,
	"operator_id" text NOT NULL,
	"own_id" text NOT NULL,
	"name" text NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"kind" text NOT NULL,
	"total_spaces" integer NOT NULL,
	"reservable_spaces" integer NOT NULL,
	"opening_hours" text DEFAULT '24/7' NOT NULL,
	"currency" text NOT NULL,
	"hourly_rate" integer NOT NULL,
	"daily_max" integer,
	"accessible_spaces" integer DEFAULT 0 NOT NULL,
	"ev_charging_spaces" integer DEFAULT 0 NOT NULL,
	"timezone" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parking_reservations" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"facility_id" text NOT NULL,
	"rider_id" text NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"status" text NOT NULL,
	"hold_expires_at" timestamp (3) with time zone,
	"price_amount" integer NOT NULL,
	"currency" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"journey_id" text,
	"checked_in_at" timestamp (3) with time zone,
	"checked_out_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gate_events" (
	"id" text PRIMARY KEY NOT NULL,
	"operator_id" text NOT NULL,
	"facility_id" text NOT NULL,
	"reservation_id" text NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journey_passes" (
	"journey_id" text PRIMARY KEY NOT NULL,
	"kid" text NOT NULL,
	"token" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"issued_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pass_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"sealed_private_key" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"retired_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "realtime_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"feed_id" text NOT NULL,
	"kinds" text,
	"carries" text NOT NULL,
	"newest_at" timestamp (3) with time zone NOT NULL,
	"full_dataset" boolean NOT NULL,
	"body" "bytea" NOT NULL,
	"received_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "realtime_sources" (
	"feed_id" text PRIMARY KEY NOT NULL,
	"trip_updates_url" text,
	"vehicle_positions_url" text,
	"alerts_url" text,
	"interval_seconds" integer NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_reservation_id_parking_reservations_id_fk" FOREIGN KEY ("reservation_id") REFERENCES "public"."parking_reservations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_reports" ADD CONSTRAINT "availability_reports_facility_id_parking_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."parking_facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parking_availability" ADD CONSTRAINT "parking_availability_facility_id_parking_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."parking_facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parking_facilities" ADD CONSTRAINT "parking_facilities_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parking_reservations" ADD CONSTRAINT "parking_reservations_facility_id_parking_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."parking_facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_passes" ADD CONSTRAINT "journey_passes_kid_pass_keys_kid_fk" FOREIGN KEY ("kid") REFERENCES "public"."pass_keys"("kid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "journeys_rider_key_idx" ON "journeys" USING btree ("rider_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "journeys_rider_departure_idx" ON "journeys" USING btree ("rider_id","departure_at");--> statement-breakpoint
CREATE INDEX "availability_reports_facility_observed_idx" ON "availability_reports" USING btree ("facility_id","observed_at");--> statement-breakpoint
CREATE INDEX "parking_facilities_operator_idx" ON "parking_facilities" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "parking_facilities_lat_lon_idx" ON "parking_facilities" USING btree ("lat","lon");--> statement-breakpoint
CREATE UNIQUE INDEX "parking_reservations_code_idx" ON "parking_reservations" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "parking_reservations_rider_key_idx" ON "parking_reservations" USING btree ("rider_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "parking_reservations_capacity_idx" ON "parking_reservations" USING btree ("facility_id","status","starts_at","ends_at");--> statement-breakpoint
CREATE INDEX "parking_reservations_rider_created_idx" ON "parking_reservations" USING btree ("rider_id","created_at");--> statement-breakpoint
CREATE INDEX "parking_reservations_status_hold_idx" ON "parking_reservations" USING btree ("status","hold_expires_at");--> statement-breakpoint
CREATE INDEX "parking_reservations_status_ends_idx" ON "parking_reservations" USING btree ("status","ends_at");--> statement-breakpoint
CREATE UNIQUE INDEX "gate_events_operator_key_idx" ON "gate_events" USING btree ("operator_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "gate_events_reservation_kind_idx" ON "gate_events" USING btree ("reservation_id","kind");--> statement-breakpoint
CREATE INDEX "journey_passes_kid_expires_idx" ON "journey_passes" USING btree ("kid","expires_at");--> statement-breakpoint
CREATE INDEX "realtime_messages_feed_idx" ON "realtime_messages" USING btree ("feed_id","id");