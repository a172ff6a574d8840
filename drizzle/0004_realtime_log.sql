CREATE TABLE `realtime_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`feed_id` text NOT NULL,
	`kinds` text,
	`carries` text NOT NULL,
	`newest_at` integer NOT NULL,
	`full_dataset` integer NOT NULL,
	`body` blob NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `realtime_messages_feed_idx` ON `realtime_messages` (`feed_id`,`id`);