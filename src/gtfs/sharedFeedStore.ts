/** A feed version as every replica sees it in the shared registry. */
export interface SharedFeed {
  id: string;
  version: number;
  importedAt: Date;
  source: string | null;
}

/**
 * The feed registry and the feeds themselves (their GTFS zips) in the shared database
 * (DESIGN.md §9): a replica on an empty data folder imports and compiles what it finds here.
 */
export interface SharedFeedStore {
  /** Every registered feed, by id. */
  list(): Promise<SharedFeed[]>;
  /** The version the next import of `id` gets. */
  nextVersion(id: string): Promise<number>;
  /** One unit: registers `feed` with its zip and tells every replica; CONFLICT when a version as new was stored meanwhile. */
  publish(feed: SharedFeed, zip: Buffer): Promise<void>;
  /** One unit: unregisters `id` and tells every replica; false when it was not registered. */
  remove(id: string): Promise<boolean>;
  /** The zip of version `version` of `id`, or undefined when that is no longer the stored one. */
  zip(id: string, version: number): Promise<Buffer | undefined>;
  /** Calls `onChange` on every change and on every (re)connect; resolves with a stop function. */
  listen(onChange: () => void): Promise<() => Promise<void>>;
}
