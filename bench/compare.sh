#!/usr/bin/env bash
# Compare jixiao with Hugo on the same generated content.
#
#   bench/compare.sh N        N = total number of project files (all years together)
#
# Environment (all optional):
#   MODE=build                build: `jixiao build` against `hugo`; check: `jixiao check --format json`
#   RUNS=3                    timed runs of each, after one warm-up of each; at least 3
#   YEARS=2 UNITS=20 SEED=1   passed to gen.py
#   BENCH_TMP=/dev/shm        where the work folder goes (tmpfs, as the Hugo figures are)
#   SHARED=../shared/bench    the Hugo harness: gen.py, to_hugo.py and the hugo/ skeleton
#                             (default: ../shared/bench, else ../../shared/bench from a worktree)
#   KEEP=0                    1 keeps the work folder
#   HUGO=hugo JAVA=java       binaries
#
# The content is generated and converted once. Then jixiao and Hugo run alternately, so that a
# change in the machine's load hits both alike. jixiao runs from target/jixiao.jar (built first
# when missing or older than the sources) with the launcher's JVM options (jvm.options) and its
# class-data-sharing archive, which the warm-up run writes when it is missing or stale.
# Each run line has wall time, CPU time (user + sys) and peak RSS from GNU time; the last lines
# give the medians of each and their ratios (jixiao / hugo).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:?usage: bench/compare.sh N   (N = number of projects)}"
MODE="${MODE:-build}"
RUNS="${RUNS:-3}"
YEARS="${YEARS:-2}"
UNITS="${UNITS:-20}"
SEED="${SEED:-1}"
if [ -z "${SHARED:-}" ]; then
    # ../shared from the main checkout; a worktree under wt/ has it one level further up.
    for SHARED in "$root/../shared/bench" "$root/../../shared/bench"; do [ -d "$SHARED" ] && break; done
fi
HUGO="${HUGO:-hugo}"
JAVA="${JAVA:-java}"
TIME_BIN=/usr/bin/time

case "$MODE" in build|check) ;; *) echo "compare.sh: MODE must be build or check" >&2; exit 2 ;; esac
if [ "$RUNS" -lt 3 ]; then echo "compare.sh: RUNS must be at least 3" >&2; exit 2; fi
for f in gen.py to_hugo.py hugo; do
    [ -e "$SHARED/$f" ] || { echo "compare.sh: $SHARED/$f not found (set SHARED)" >&2; exit 2; }
done

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
    as_root apt-get install -y "$@" >&2 || { as_root apt-get update >&2 && as_root apt-get install -y "$@" >&2; }
}
if ! command -v "$HUGO" >/dev/null 2>&1; then
    echo "compare.sh: hugo not found, installing Debian's package" >&2
    apt_install hugo
fi
if ! "$TIME_BIN" -v true >/dev/null 2>&1; then
    echo "compare.sh: GNU time not found, installing it" >&2
    apt_install time
fi

# The jar, built as ./jixiao builds it.
jar="$root/target/jixiao.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/pom.xml" "$root/src/main" "$root/site-templates" -newer "$jar" -print -quit 2>/dev/null)" ]; then
    echo "compare.sh: building target/jixiao.jar (mvn -q -B -DskipTests package)" >&2
    (cd "$root" && mvn -q -B -DskipTests package) >&2
fi
jvm_opts=()
while read -r line; do
    line="${line%%#*}"
    line="${line//[[:space:]]/}"
    [ -n "$line" ] && jvm_opts+=("$line")
done < "$root/jvm.options"
cds="$root/target/jixiao.jsa"
cds_opts() {
    if [ -f "$cds" ] && [ "$cds" -nt "$jar" ] && [ "$cds" -nt "$root/jvm.options" ]; then
        echo "-XX:SharedArchiveFile=$cds -Xshare:auto"
    else
        rm -f "$cds"
        echo "-XX:ArchiveClassesAtExit=$cds"
    fi
}

work="$(mktemp -d "${BENCH_TMP:-/dev/shm}/bench-compare.XXXXXX")"
cleanup() { if [ "${KEEP:-0}" = 1 ]; then echo "compare.sh: kept $work" >&2; else rm -rf "$work"; fi; }
trap cleanup EXIT

python3 "$SHARED/gen.py" --out "$work/src" --projects "$N" --years "$YEARS" --units "$UNITS" --seed "$SEED" >&2
python3 "$SHARED/to_hugo.py" "$work/src/content" "$work/site" >&2

echo "hugo: $("$HUGO" version | head -1)"
echo "java: $("$JAVA" -version 2>&1 | head -1); options: ${jvm_opts[*]}"
echo "input: mode=$MODE projects=$N years=$YEARS units=$UNITS seed=$SEED files=$(find "$work/src/content" -type f | wc -l) work=$work cpus=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg)"

# One timed run of "$@"; prints key=value pairs. $1 is the tool's name, $2 the folder it writes.
timed() {
    local name="$1" out="$2"; shift 2
    # Every run is a cold one: the output and jixiao's build cache beside it (.<name>-jixiao-cache) go first.
    rm -rf "$out" "$(dirname "$out")/.$(basename "$out")-jixiao-cache"
    sync
    local start end status=0
    start="$(date +%s.%N)"
    "$TIME_BIN" -v -o "$work/time.txt" "$@" > "$work/stdout.txt" 2> "$work/stderr.txt" || status=$?
    end="$(date +%s.%N)"
    # check exits 1 when the content has errors: still a complete run. Anything else is a failure.
    if [ "$status" -ne 0 ] && ! { [ "$name" = jixiao ] && [ "$MODE" = check ] && [ "$status" -eq 1 ]; }; then
        cat "$work/stderr.txt" "$work/time.txt" >&2
        echo "compare.sh: $name failed (exit $status)" >&2
        exit 1
    fi
    local pages=0
    [ -d "$out" ] && pages="$(find "$out" -type f -name '*.html' | wc -l)"
    awk -F': ' -v s="$start" -v e="$end" -v p="$pages" '
        /User time/ { u = $2 } /System time/ { y = $2 } /Maximum resident set size/ { r = $2 }
        END { printf "wall_s=%.2f cpu_s=%.2f peak_rss_mb=%.0f pages=%d\n", e - s, u + y, r / 1024, p }' "$work/time.txt"
}

run_jixiao() {
    # shellcheck disable=SC2046 # cds_opts is two words by design
    if [ "$MODE" = build ]; then
        timed jixiao "$work/out" "$JAVA" "${jvm_opts[@]}" $(cds_opts) -Xlog:cds=off -Xlog:cds+dynamic=off \
            -jar "$jar" build --content "$work/src/content" --out "$work/out"
    else
        timed jixiao "$work/out" "$JAVA" "${jvm_opts[@]}" $(cds_opts) -Xlog:cds=off -Xlog:cds+dynamic=off \
            -jar "$jar" check --content "$work/src/content" --format json
    fi
}
run_hugo() {
    timed hugo "$work/public" "$HUGO" --quiet --source "$work/site" --destination "$work/public"
}

line="$(run_jixiao)"; echo "warm-up jixiao: $line"
line="$(run_hugo)"; echo "warm-up hugo: $line"
jixiao_lines=()
hugo_lines=()
for run in $(seq "$RUNS"); do
    line="$(run_jixiao)"; echo "run $run jixiao: $line"; jixiao_lines+=("$line")
    line="$(run_hugo)"; echo "run $run hugo: $line"; hugo_lines+=("$line")
done

# Medians of each key, and the ratios jixiao / hugo.
median() {
    awk -v key="$1" '
        { for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == key) a[++n] = kv[2] + 0 } }
        END {
            for (i = 2; i <= n; i++) { x = a[i]; j = i - 1; while (j > 0 && a[j] > x) { a[j + 1] = a[j]; j-- }; a[j + 1] = x }
            print (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
        }'
}
for key in wall_s cpu_s peak_rss_mb; do
    j="$(printf '%s\n' "${jixiao_lines[@]}" | median "$key")"
    h="$(printf '%s\n' "${hugo_lines[@]}" | median "$key")"
    echo "median of $RUNS $key: jixiao=$j hugo=$h ratio=$(awk -v j="$j" -v h="$h" 'BEGIN { printf "%.2f", (h > 0 ? j / h : 0) }')"
done
