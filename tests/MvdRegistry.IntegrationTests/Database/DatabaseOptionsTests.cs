using Microsoft.Extensions.Configuration;
using MvdRegistry.Data;

namespace MvdRegistry.IntegrationTests.Database;

/// <summary>Database:Provider and ConnectionStrings:Registry, read once into DatabaseOptions and refused at start when unusable.</summary>
public sealed class DatabaseOptionsTests
{
    [Fact]
    public void Without_settings_the_registry_uses_the_embedded_sqlite_file()
    {
        Assert.Equal(new DatabaseOptions(DatabaseProvider.Sqlite, "Data Source=registry.db"), DatabaseOptions.Read(Settings()));
    }

    [Theory]
    [InlineData("postgres", DatabaseProvider.Postgres)]
    [InlineData("SqlServer", DatabaseProvider.SqlServer)]
    public void A_server_provider_takes_the_registry_connection_string(string provider, DatabaseProvider expected)
    {
        var options = DatabaseOptions.Read(Settings(("Database:Provider", provider), ("ConnectionStrings:Registry", "Host=db")));

        Assert.Equal(new DatabaseOptions(expected, "Host=db"), options);
    }

    [Theory]
    [InlineData("Oracle", "Database:Provider 'Oracle' is not one of Sqlite, Postgres, SqlServer")]
    [InlineData("7", "Database:Provider '7' is not one of Sqlite, Postgres, SqlServer")]
    public void An_unknown_provider_is_refused_by_name(string provider, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseOptions.Read(Settings(("Database:Provider", provider))));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_server_database_without_a_connection_string_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseOptions.Read(Settings(("Database:Provider", "Postgres"))));

        Assert.Equal("ConnectionStrings:Registry is required for Postgres", error.Message);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();
}
