using Microsoft.EntityFrameworkCore;
using MvdRegistry.Data;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Database;

/// <summary>The case list's indexes (migrations CaseListIndexes and OverdueListOrder) exist in the migrated database, and the ones they replace do not.</summary>
public abstract class CaseListIndexesTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task The_case_lists_indexes_are_in_the_database()
    {
        var sql = Database.Provider == DatabaseProvider.Sqlite
            ? "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'index'"
            : "SELECT indexname AS \"Value\" FROM pg_indexes WHERE schemaname = current_schema()";
        var names = await Database.ExecuteAsync(db => db.Database.SqlQueryRaw<string>(sql).ToListAsync());

        Assert.Contains("IX_patients_site_code_patient_id", names);
        Assert.Contains("IX_operations_patient_id_case_list", names);
        Assert.Contains("IX_operations_surgery_date_case_id_patient_id", names);
        // The overdue filter's walk of one site's stored rows in the list's order (migration OverdueListOrder).
        Assert.Contains("IX_overdue_follow_ups_site_code_surgery_date_case_id", names);
        Assert.DoesNotContain("IX_operations_patient_id", names);
        Assert.DoesNotContain("IX_operations_surgery_date", names);
    }
}

public sealed class SqliteCaseListIndexesTests(SqliteTestDatabase database) : CaseListIndexesTests<SqliteTestDatabase>(database);

public sealed class PostgresCaseListIndexesTests(PostgresTestDatabase database) : CaseListIndexesTests<PostgresTestDatabase>(database);
