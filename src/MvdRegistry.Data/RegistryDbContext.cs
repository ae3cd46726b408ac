using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.Data.Auditing;

namespace MvdRegistry.Data;

/// <summary>
/// The registry's one EF Core model. Each database provider has a subclass of its own so that each
/// keeps its own migrations (Migrations/Sqlite, Migrations/Postgres, Migrations/SqlServer).
/// </summary>
public abstract class RegistryDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Surgeon> Surgeons => Set<Surgeon>();
    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<Operation> Operations => Set<Operation>();
    public DbSet<ImagingStudy> Imaging => Set<ImagingStudy>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();
    public DbSet<Complication> Complications => Set<Complication>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<UserAccount> Users => Set<UserAccount>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();

    public DbSet<StatisticsSnapshot> StatisticsSnapshots => Set<StatisticsSnapshot>();

    public DbSet<ReportSchedule> ReportSchedules => Set<ReportSchedule>();

    public DbSet<OverdueOperation> OverdueOperations => Set<OverdueOperation>();

    public DbSet<OverdueSiteList> OverdueSiteLists => Set<OverdueSiteList>();

    /// <summary>Why the changes of the next SaveChanges are made, written into their audit rows.</summary>
    public string? AuditReason { get; set; }

    /// <summary>
    /// Who makes the changes of this context, for its audit rows: set by the scope that leases the context
    /// from the pool (<see cref="RegistryDatabase"/>); a context built by hand names its user in its options instead.
    /// </summary>
    public ICurrentUser? AuditUser { get; set; }

    // A pooled context is disposed into the pool: what a scope set on it goes with the scope (EF Core
    // itself resets the change tracker, its options and the connection).
    public override void Dispose()
    {
        Forget();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Forget();
        return base.DisposeAsync();
    }

    private void Forget()
    {
        AuditUser = null;
        AuditReason = null;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RegistryDbContext).Assembly);
}
