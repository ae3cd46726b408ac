using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MvdRegistry.Application.Changes;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Database;

/// <summary>
/// Hand-written SQL names the model's tables and columns through <see cref="ModelNames"/>, delimited by the
/// provider; the change stamp used to write them bare (a name the provider reserves would have broken it).
/// SQLite's helper delimits every name, Npgsql's only a name that needs it (the model's are lower-case
/// snake case, so none does): the stamp's SQL shows the difference on SQLite only.
/// </summary>
public abstract class ModelNamesTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    /// <summary>How the provider writes <paramref name="name"/>, a name of the model.</summary>
    protected abstract string Delimited(string name);

    [Fact]
    public void A_table_and_a_column_are_delimited_by_the_provider()
    {
        using var db = Db();
        Assert.Equal(Delimited("audit_log"), ModelNames.Table(db, typeof(AuditEntry)));
        Assert.Equal(Delimited("record_key"), ModelNames.Column(db, typeof(AuditEntry), nameof(AuditEntry.Key)));
    }

    [Fact]
    public async Task The_change_stamp_names_the_audit_table_and_its_columns_as_the_provider_writes_them()
    {
        await using var db = Db();
        var commands = new List<string>();
        using var subscription = DiagnosticListener.AllListeners.Subscribe(new Listeners(db, commands));
        await ChangeStamp.ReadAsync(db);
        var stamp = Assert.Single(commands);
        Assert.Contains($"FROM {Delimited("audit_log")} ORDER BY {Delimited("id")} DESC", stamp);
        Assert.Contains($"'audit ' || {Delimited("id")} || ' at ' || {Delimited("at")}", stamp);
    }

    /// <summary>Collects the text of the commands <paramref name="db"/> runs (EF Core's diagnostic events; other tests' contexts are left out).</summary>
    private sealed class Listeners(DbContext db, List<string> commands) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name) listener.Subscribe(this);
        }

        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key == RelationalEventId.CommandExecuting.Name && e.Value is CommandEventData data && ReferenceEquals(data.Context, db))
                lock (commands) commands.Add(data.Command.CommandText);
        }

        public void OnCompleted() { }

        public void OnError(Exception error) { }
    }
}

public sealed class SqliteModelNamesTests(SqliteTestDatabase database) : ModelNamesTests<SqliteTestDatabase>(database)
{
    protected override string Delimited(string name) => $"\"{name}\"";
}

public sealed class PostgresModelNamesTests(PostgresTestDatabase database) : ModelNamesTests<PostgresTestDatabase>(database)
{
    protected override string Delimited(string name) => name;
}
