using Microsoft.EntityFrameworkCore;

namespace MvdRegistry.Data;

// One subclass per provider, so that each has its own migrations. To add a migration:
//   dotnet ef migrations add NAME --project src/MvdRegistry.Data --context SqliteRegistryDbContext --output-dir Migrations/Sqlite
//   (and the same with PostgresRegistryDbContext / Migrations/Postgres, SqlServerRegistryDbContext / Migrations/SqlServer),
// then regenerate the deployment scripts with database/generate-scripts.sh.

public sealed class SqliteRegistryDbContext(DbContextOptions<SqliteRegistryDbContext> options) : RegistryDbContext(options);

public sealed class PostgresRegistryDbContext(DbContextOptions<PostgresRegistryDbContext> options) : RegistryDbContext(options);

public sealed class SqlServerRegistryDbContext(DbContextOptions<SqlServerRegistryDbContext> options) : RegistryDbContext(options);
