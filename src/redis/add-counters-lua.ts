/**
 * The Lua lines that add a commit's counter increments to the counters hash (`KEYS[2]`), taken from `ARGV` as field /
 * amount pairs starting at `ARGV[first]`: every counter is checked first and a stored value that is not a whole
 * number fails the script before anything is written (Redis does not roll a script back half-way), so the lines go
 * before the script's first write.
 *
 * @example
 * luaScript(`${addCountersLua(6)}\nreturn 1`)
 */
export function addCountersLua(first: number): string {
  return `for i = ${first}, #ARGV, 2 do
  local count = redis.call("HGET", KEYS[2], ARGV[i])
  if count and not string.match(count, "^-?%d+$") then
    return redis.error_reply("BECKON_CORRUPT the counter " .. ARGV[i] .. " is not a whole number")
  end
end
for i = ${first}, #ARGV, 2 do redis.call("HINCRBY", KEYS[2], ARGV[i], ARGV[i + 1]) end`;
}
