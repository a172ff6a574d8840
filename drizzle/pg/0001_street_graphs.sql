CREATE TABLE "street_graphs" (
	"area" text PRIMARY KEY NOT NULL,
	"meta" jsonb NOT NULL,
	"bytes" "bytea" NOT NULL,
	"imported_at" timestamp (3) with time zone NOT NULL
);
