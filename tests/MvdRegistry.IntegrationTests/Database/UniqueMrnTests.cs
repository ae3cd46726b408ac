using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Database;

/// <summary>The database keeps an MRN to one patient of a site (unique index on patients (site_code, mrn)).</summary>
public abstract class UniqueMrnTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task A_second_patient_with_the_same_MRN_at_the_same_site_is_refused_and_nothing_is_written()
    {
        await using (var db = Database.NewContext())
            await new Seed().Site("HOU", "Houston").Patient("P1", "HOU").SaveAsync(db);

        await using (var db = Database.NewContext())
        {
            db.Patients.Add(Seed.NewPatient("P2"));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var check = Database.NewContext();
        Assert.Equal(["P1"], await check.Patients.Select(p => p.PatientId).ToListAsync());
        Assert.Equal(["P1"], await check.AuditLog.Select(a => a.Key).ToListAsync());
    }

    [Fact]
    public async Task The_same_MRN_at_another_site_and_patients_without_an_MRN_are_allowed()
    {
        await using (var db = Database.NewContext())
            await new Seed().Site("HOU", "Houston").Patient("P1", "HOU").SaveAsync(db);

        await using (var db = Database.NewContext())
        {
            db.Sites.Add(new Site { Code = "PIT", Name = "Pittsburgh" });
            var elsewhere = Seed.NewPatient("P2");
            elsewhere.SiteCode = "PIT";
            var noMrn1 = Seed.NewPatient("P3");
            noMrn1.Mrn = null;
            var noMrn2 = Seed.NewPatient("P4");
            noMrn2.Mrn = null;
            db.Patients.AddRange(elsewhere, noMrn1, noMrn2);
            await db.SaveChangesAsync();
        }

        await using var check = Database.NewContext();
        Assert.Equal(["P1", "P2", "P3", "P4"], await check.Patients.OrderBy(p => p.PatientId).Select(p => p.PatientId).ToListAsync());
    }
}

public sealed class SqliteUniqueMrnTests(SqliteTestDatabase database) : UniqueMrnTests<SqliteTestDatabase>(database);

public sealed class PostgresUniqueMrnTests(PostgresTestDatabase database) : UniqueMrnTests<PostgresTestDatabase>(database);
