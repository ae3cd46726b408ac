#!/usr/bin/env bash
# Regenerates the idempotent deployment scripts from the EF Core migrations.
# Run after adding a migration; tests/MvdRegistry.IntegrationTests fails while a script is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/MvdRegistry.Data -v q -nologo >/dev/null
for pair in "postgres:PostgresRegistryDbContext" "sqlserver:SqlServerRegistryDbContext"; do
  dir=${pair%%:*}; context=${pair#*:}
  dotnet ef migrations script --idempotent --no-build --project src/MvdRegistry.Data --context "$context" \
    --output "database/$dir/registry.sql"
  echo "wrote database/$dir/registry.sql"
done
