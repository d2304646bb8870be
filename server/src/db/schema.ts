/** Table types for Kysely. Timestamps are integer milliseconds since the epoch. */
export interface Database {
  // grown table by table by the migrations
}
