# Shared by the synthesis benchmarks: builds the project and its tests, and finds shared/.
# Sourced from bench/synthesis-*; sets CP (class path) and SHARED (may be empty).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
# shared/ sits beside the project's checkout (../shared); a git worktree may sit one level deeper.
SHARED="${CAIRN_SHARED:-}"
if [ -z "$SHARED" ]; then
  for candidate in "$ROOT/../shared" "$ROOT/../../shared"; do
    if [ -d "$candidate/datasets" ]; then SHARED="$(cd "$candidate" && pwd)"; break; fi
  done
fi
