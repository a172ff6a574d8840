CREATE TABLE `realtime_sources` (
	`feed_id` text PRIMARY KEY NOT NULL,
	`trip_updates_url` text,
	`vehicle_positions_url` text,
	`alerts_url` text,
	`interval_seconds` integer NOT NULL,
	`updated_at` integer NOT NULL
);
