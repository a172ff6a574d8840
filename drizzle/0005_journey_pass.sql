CREATE TABLE `gate_events` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`facility_id` text NOT NULL,
	`reservation_id` text NOT NULL,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	`idempotency_key` text NOT NULL,
	`request_hash` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gate_events_operator_key_idx` ON `gate_events` (`operator_id`,`idempotency_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `gate_events_reservation_kind_idx` ON `gate_events` (`reservation_id`,`kind`);--> statement-breakpoint
CREATE TABLE `journey_passes` (
	`journey_id` text PRIMARY KEY NOT NULL,
	`kid` text NOT NULL,
	`token` text NOT NULL,
	`expires_at` integer NOT NULL,
	`issued_at` integer NOT NULL,
	FOREIGN KEY (`kid`) REFERENCES `pass_keys`(`kid`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `journey_passes_kid_expires_idx` ON `journey_passes` (`kid`,`expires_at`);--> statement-breakpoint
CREATE TABLE `pass_keys` (
	`kid` text PRIMARY KEY NOT NULL,
	`public_jwk` text NOT NULL,
	`sealed_private_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`retired_at` integer
);
--> statement-breakpoint
ALTER TABLE `parking_reservations` ADD `checked_in_at` integer;--> statement-breakpoint
ALTER TABLE `parking_reservations` ADD `checked_out_at` integer;