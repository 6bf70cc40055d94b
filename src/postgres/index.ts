// "beckon/postgres": the PostgreSQL storage adapter (needs the optional peer dependency pg). The only place
// importing pg.
export type { PostgresStorage, PostgresStorageOptions } from "./create-postgres-storage.js";

export { createPostgresStorage } from "./create-postgres-storage.js";
