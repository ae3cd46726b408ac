using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using MvdRegistry.Data.Auditing;

namespace MvdRegistry.Data;

// Used by `dotnet ef` only: the connection strings are placeholders, nothing connects.

internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteRegistryDbContext>
{
    public SqliteRegistryDbContext CreateDbContext(string[] args) =>
        new(RegistryDatabase.Options<SqliteRegistryDbContext>(o => o.UseSqlite("Data Source=design.db"), new FixedUser("design")));
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresRegistryDbContext>
{
    public PostgresRegistryDbContext CreateDbContext(string[] args) =>
        new(RegistryDatabase.Options<PostgresRegistryDbContext>(o => o.UseNpgsql("Host=localhost;Database=design"), new FixedUser("design")));
}

internal sealed class SqlServerDesignFactory : IDesignTimeDbContextFactory<SqlServerRegistryDbContext>
{
    public SqlServerRegistryDbContext CreateDbContext(string[] args) =>
        new(RegistryDatabase.Options<SqlServerRegistryDbContext>(o => o.UseSqlServer("Server=localhost;Database=design;TrustServerCertificate=true"), new FixedUser("design")));
}
