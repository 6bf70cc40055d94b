#!/usr/bin/env bash
# A three-master Redis Cluster on this machine, for beckon's Redis Cluster tests (test/storage/redis-cluster*.ts).
#
#   scripts/redis-cluster.sh start  [first-port]   start it (or reuse a healthy one); prints its nodes on the last line
#   scripts/redis-cluster.sh status [first-port]   prints its nodes and exits 0 when healthy, 1 otherwise
#   scripts/redis-cluster.sh stop   [first-port]   stops its servers and removes its data
#
# Nodes are redis-server processes in cluster mode on 127.0.0.1, on the first three free ports from first-port
# (default 7001: 7001–7003 unless taken; a port is free when it and its cluster bus port, +10000, are), joined with
# `redis-cli --cluster create … --cluster-replicas 0`. Each cluster keeps its data, its chosen ports and one config
# file per node under $REDIS_CLUSTER_DIR/<first-port> (default /tmp/beckon-redis-cluster). `start` is idempotent: a
# healthy cluster is reused; a stopped node is restarted from its own config and data (it rejoins with its slots);
# anything that does not come back healthy is wiped and created anew. The nodes line reads
# 127.0.0.1:7001,127.0.0.1:7002,127.0.0.1:7003 (what REDIS_CLUSTER_NODES holds).
set -euo pipefail

action="${1:-}"
first_port="${2:-7001}"
root="${REDIS_CLUSTER_DIR:-/tmp/beckon-redis-cluster}"
home="$root/$first_port"
host=127.0.0.1
wait_seconds="${REDIS_CLUSTER_WAIT_SECONDS:-60}"

die() { echo "redis-cluster: $*" >&2; exit 1; }
[[ "$first_port" =~ ^[0-9]+$ ]] && (( first_port >= 1024 && first_port <= 55000 )) || die "first port must be 1024–55000, not $first_port"
command -v redis-server >/dev/null && command -v redis-cli >/dev/null || die "redis-server and redis-cli must be installed"

ports() { [[ -f "$home/ports" ]] && cat "$home/ports"; }
nodes_line() { local out=() p; for p in $(ports); do out+=("$host:$p"); done; (IFS=,; echo "${out[*]}"); }
listening() { (exec 3<>"/dev/tcp/$host/$1") 2>/dev/null; }

# Healthy: every node answers, sees three masters owning all 16 384 slots, and says cluster_state:ok.
healthy() {
  local p info count=0
  for p in $(ports); do
    count=$((count + 1))
    info="$(redis-cli -h "$host" -p "$p" cluster info 2>/dev/null)" || return 1
    grep -q '^cluster_state:ok' <<<"$info" || return 1
    grep -q '^cluster_slots_ok:16384' <<<"$info" || return 1
    grep -q '^cluster_size:3' <<<"$info" || return 1
  done
  ((count == 3))
}

wait_healthy() {
  local deadline=$((SECONDS + wait_seconds))
  until healthy; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

stop_nodes() {
  local p pid
  for p in $(ports); do
    redis-cli -h "$host" -p "$p" shutdown nosave >/dev/null 2>&1 || true
    pid="$(cat "$home/$p/redis.pid" 2>/dev/null || true)"
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
    fi
  done
}

# Restarts, from its own config and data, every node of this cluster that is not answering.
restart_down_nodes() {
  local p
  for p in $(ports); do
    redis-cli -h "$host" -p "$p" ping >/dev/null 2>&1 && continue
    listening "$p" && return 1 # something else took the port
    [[ -f "$home/$p/redis.conf" ]] || return 1
    redis-server "$home/$p/redis.conf" >/dev/null 9>&- || return 1
  done
}

create() {
  rm -rf "$home"
  mkdir -p "$home"
  local p=$first_port chosen=()
  while ((${#chosen[@]} < 3)); do
    ((p <= first_port + 200)) || die "no three free ports from $first_port"
    if ! listening "$p" && ! listening $((p + 10000)); then chosen+=("$p"); fi
    p=$((p + 1))
  done
  printf '%s\n' "${chosen[@]}" >"$home/ports"
  for p in "${chosen[@]}"; do
    mkdir -p "$home/$p"
    # No periodic snapshots (test data); SHUTDOWN SAVE still writes one, so a node stopped that way comes back whole.
    cat >"$home/$p/redis.conf" <<EOF
port $p
bind $host
daemonize yes
pidfile $home/$p/redis.pid
logfile $home/$p/redis.log
dir $home/$p
save ""
appendonly no
cluster-enabled yes
cluster-config-file nodes.conf
cluster-node-timeout 2000
EOF
    redis-server "$home/$p/redis.conf" >/dev/null 9>&-
  done
  local deadline=$((SECONDS + wait_seconds))
  for p in "${chosen[@]}"; do
    until redis-cli -h "$host" -p "$p" ping >/dev/null 2>&1; do
      ((SECONDS < deadline)) || die "node $p did not start (see $home/$p/redis.log)"
      sleep 0.1
    done
  done
  local addresses=()
  for p in "${chosen[@]}"; do addresses+=("$host:$p"); done
  redis-cli --cluster create "${addresses[@]}" --cluster-replicas 0 --cluster-yes >"$home/create.log" 2>&1 \
    || die "redis-cli --cluster create failed (see $home/create.log)"
}

start() {
  if healthy; then nodes_line; return; fi
  if [[ -f "$home/ports" ]] && restart_down_nodes && wait_healthy; then nodes_line; return; fi
  stop_nodes
  create
  wait_healthy || die "the cluster on $(nodes_line) did not become healthy within ${wait_seconds} s"
  nodes_line
}

# One start/stop at a time on this machine, so two callers never pick the same free ports.
mkdir -p "$root"
exec 9>"$root/lock"
flock 9

case "$action" in
  start) start ;;
  status)
    if healthy; then echo "healthy: $(nodes_line)"; else echo "not running or not healthy${home:+ ($home)}"; exit 1; fi
    ;;
  stop)
    stop_nodes
    rm -rf "$home"
    ;;
  *) die "usage: $0 start|stop|status [first-port]" ;;
esac
