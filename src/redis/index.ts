// "beckon/redis": the Redis adapter. The only entry point importing ioredis (an optional peer dependency).
export type { RedisStorageOptions } from "./create-redis-storage.js";

export { createRedisStorage } from "./create-redis-storage.js";
