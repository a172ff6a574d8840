import type { ApiKeyRow } from '../db/index.js';

/** API keys' storage (DESIGN.md §9), dialect-free. */
export interface ApiKeyRepository {
  /** Stores a new key (its secret hashed). */
  insert(row: ApiKeyRow): Promise<void>;
  /** The key with this id, revoked or not, or undefined. */
  find(id: string): Promise<ApiKeyRow | undefined>;
}
