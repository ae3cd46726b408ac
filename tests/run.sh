#!/usr/bin/env bash
# The registry's whole test suite, on a fresh Debian machine with the .NET SDK:
#   - installs the Debian packages the tests need when they are missing (as root): PostgreSQL 15,
#     Chromium, R with survival and readxl,
#   - starts a throwaway PostgreSQL 15 on a free loopback port in a temporary folder,
#   - runs every test project of MvdRegistry.sln against it and the embedded SQLite,
#   - stops the server and removes the folder, whether the tests pass or fail.
# Usage: tests/run.sh [extra dotnet test arguments, e.g. --filter Name~Import]
set -euo pipefail
cd "$(dirname "$0")/.."

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

need_packages=()
[ -x "$PG_BIN/initdb" ] || need_packages+=(postgresql-15)
# The browser tests drive Debian's Chromium through Playwright (no browser download).
[ -x /usr/bin/chromium ] || need_packages+=(chromium)
# The de-identified export's test runs the read_export.R it ships: R with survival, and readxl for the xlsx.
command -v Rscript >/dev/null || need_packages+=(r-base-core r-cran-survival r-cran-readxl)
if command -v Rscript >/dev/null; then
  Rscript -e 'library(survival)' >/dev/null 2>&1 || need_packages+=(r-cran-survival)
  Rscript -e 'library(readxl)' >/dev/null 2>&1 || need_packages+=(r-cran-readxl)
fi
source tests/packages.sh
install_missing ${need_packages[@]+"${need_packages[@]}"}

source tests/postgres.sh
trap pg_stop EXIT
pg_start "$(mktemp -d /tmp/mvd-tests.XXXXXX)"

export MVD_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Pooling=true"

echo "== dotnet test"
dotnet tool restore >/dev/null
dotnet test MvdRegistry.sln --nologo -v q --logger "console;verbosity=minimal" "$@"
