/** Who is calling, resolved from the `Authorization` header (DESIGN.md §7). */
export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'rider'; riderId: string }
  | { kind: 'admin'; keyId: string }
  | { kind: 'agency'; keyId: string; feedIds: readonly string[] }
  | { kind: 'operator'; keyId: string; operatorId: string };

/** The caller without credentials. */
export const anonymous: Caller = { kind: 'anonymous' };
