CREATE TABLE `availability_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`facility_id` text NOT NULL,
	`available_spaces` integer NOT NULL,
	`status` text NOT NULL,
	`observed_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`facility_id`) REFERENCES `parking_facilities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `availability_reports_facility_observed_idx` ON `availability_reports` (`facility_id`,`observed_at`);--> statement-breakpoint
CREATE TABLE `operators` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `parking_availability` (
	`facility_id` text PRIMARY KEY NOT NULL,
	`available_spaces` integer NOT NULL,
	`status` text NOT NULL,
	`observed_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`facility_id`) REFERENCES `parking_facilities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `parking_facilities` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`own_id` text NOT NULL,
	`name` text NOT NULL,
	`lat` real NOT NULL,
	`lon` real NOT NULL,
	`kind` text NOT NULL,
	`total_spaces` integer NOT NULL,
	`reservable_spaces` integer NOT NULL,
	`opening_hours` text DEFAULT '24/7' NOT NULL,
	`currency` text NOT NULL,
	`hourly_rate` integer NOT NULL,
	`daily_max` integer,
	`accessible_spaces` integer DEFAULT 0 NOT NULL,
	`ev_charging_spaces` integer DEFAULT 0 NOT NULL,
	`timezone` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `parking_facilities_operator_idx` ON `parking_facilities` (`operator_id`);--> statement-breakpoint
CREATE INDEX `parking_facilities_lat_lon_idx` ON `parking_facilities` (`lat`,`lon`);--> statement-breakpoint
CREATE TABLE `parking_reservations` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`facility_id` text NOT NULL,
	`rider_id` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`status` text NOT NULL,
	`hold_expires_at` integer,
	`price_amount` integer NOT NULL,
	`currency` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`request_hash` text NOT NULL,
	`journey_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`facility_id`) REFERENCES `parking_facilities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `parking_reservations_code_idx` ON `parking_reservations` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `parking_reservations_rider_key_idx` ON `parking_reservations` (`rider_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `parking_reservations_capacity_idx` ON `parking_reservations` (`facility_id`,`status`,`starts_at`,`ends_at`);--> statement-breakpoint
CREATE INDEX `parking_reservations_rider_created_idx` ON `parking_reservations` (`rider_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `parking_reservations_status_hold_idx` ON `parking_reservations` (`status`,`hold_expires_at`);--> statement-breakpoint
CREATE INDEX `parking_reservations_status_ends_idx` ON `parking_reservations` (`status`,`ends_at`);