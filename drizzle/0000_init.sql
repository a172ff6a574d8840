CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`secret_hash` text NOT NULL,
	`role` text NOT NULL,
	`feed_ids` text DEFAULT '[]' NOT NULL,
	`operator_id` text,
	`label` text,
	`created_at` integer NOT NULL,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE TABLE `feeds` (
	`id` text PRIMARY KEY NOT NULL,
	`file_name` text NOT NULL,
	`version` integer NOT NULL,
	`imported_at` integer NOT NULL,
	`source` text
);
