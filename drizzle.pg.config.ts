import { defineConfig } from 'drizzle-kit';

/** Migrations of the PostgreSQL schema (DATABASE_URL); `drizzle.config.ts` is SQLite's. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/pg/index.ts',
  out: './drizzle/pg',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://127.0.0.1:5432/postgres' },
});
