CREATE TABLE `journeys` (
	`id` text PRIMARY KEY NOT NULL,
	`rider_id` text NOT NULL,
	`status` text NOT NULL,
	`itinerary` text NOT NULL,
	`itinerary_hash` text NOT NULL,
	`departure_at` integer NOT NULL,
	`arrival_at` integer NOT NULL,
	`reservation_id` text,
	`idempotency_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`cancelled_at` integer,
	FOREIGN KEY (`reservation_id`) REFERENCES `parking_reservations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `journeys_rider_key_idx` ON `journeys` (`rider_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `journeys_rider_departure_idx` ON `journeys` (`rider_id`,`departure_at`);