#!/usr/bin/env bash
# The de-identified export's benchmark (issue 9, item 9), Release builds, SQLite:
#   - the xlsx export of a 100,000-patient registry: time and peak memory (/usr/bin/time -v),
#   - the issue's baseline in the same run: MiniExcel writing the same rows from memory alone
#     (tests/bench/ExportBaseline reads the CSV export of the same registry, then only its write is timed),
#   - the xlsx export's peak at 10,000 patients (a registry made here with seed-demo), against 100,000,
#   - the CSV (zip) export's time at 100,000.
# Usage: tests/bench/export.sh REGISTRY-100K.db [WORK-FOLDER]
# The registry is COPIED into the work folder (the export writes its audit row): the original is never written.
set -euo pipefail
cd "$(dirname "$0")/../.."
source_db=${1:?usage: tests/bench/export.sh REGISTRY-100K.db [WORK-FOLDER]}
work=${2:-$(mktemp -d /tmp/mvd-export-bench.XXXXXX)}
mkdir -p "$work"

dotnet build -c Release src/MvdRegistry.Cli -v q --nologo >/dev/null
dotnet build -c Release tests/bench/ExportBaseline -v q --nologo >/dev/null
cli=src/MvdRegistry.Cli/bin/Release/net10.0/mvd
baseline=tests/bench/ExportBaseline/bin/Release/net10.0/ExportBaseline
export DOTNET_ENVIRONMENT=Development Database__Provider=Sqlite

# Runs a command under /usr/bin/time -v; prints "LABEL: S s, P MB peak".
measure() {
  local label=$1; shift
  /usr/bin/time -v "$@" >"$work/$label.out" 2>"$work/$label.time"
  local wall peak
  wall=$(grep 'Elapsed (wall clock)' "$work/$label.time" | awk '{print $NF}')
  peak=$(grep 'Maximum resident set size' "$work/$label.time" | awk '{print int($NF/1024)}')
  echo "$label: $wall wall, $peak MB peak"
}

cp "$source_db" "$work/r100k.db"
rm -rf "$work/r10k.db" "$work/seed10k" "$work"/e* "$work/baseline.xlsx"
ConnectionStrings__Registry="Data Source=$work/r10k.db" $cli seed-demo --patients 10000 --seed 1 >/dev/null

ConnectionStrings__Registry="Data Source=$work/r10k.db" measure xlsx-10k $cli export --deidentified --format xlsx --out "$work/e10k.xlsx"
ConnectionStrings__Registry="Data Source=$work/r100k.db" measure xlsx-100k $cli export --deidentified --format xlsx --out "$work/e100k.xlsx"
ConnectionStrings__Registry="Data Source=$work/r100k.db" measure csv-zip-100k $cli export --deidentified --format csv --out "$work/e100k.zip"
ConnectionStrings__Registry="Data Source=$work/r100k.db" measure csv-folder-100k $cli export --deidentified --format csv --out "$work/e100k-csv"
measure baseline-100k $baseline "$work/e100k-csv" "$work/baseline.xlsx"
cat "$work/baseline-100k.out"
ls -l "$work/e10k.xlsx" "$work/e100k.xlsx" "$work/e100k.zip" "$work/baseline.xlsx" | awk '{print $5, $NF}'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
