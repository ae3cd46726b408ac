using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Saving;
using MvdRegistry.Application.Scheduling;
using MvdRegistry.Application.Users;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.Reporting.Demo;
using static MvdRegistry.IntegrationTests.Infrastructure.TwoSites;

namespace MvdRegistry.IntegrationTests.Deleting;

/// <summary>The delete handler outside a web request: it holds the site grants and roles itself, whatever the caller checked.</summary>
public abstract class DeleteHandlerTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    protected override Task SeedAsync() => TwoSites.SeedAsync(Database);

    private async Task<DeleteOutcome> DeleteVisitAsync(string userName, string visitId)
    {
        JobUser user;
        await using (var lookup = Database.NewContext())
            user = (await JobUser.ForAsync(lookup, userName, "corrections #1"))!;
        await using var db = Database.NewContext(user);
        var visit = await db.FollowUps.SingleAsync(f => f.FollowupId == visitId);
        return await new DeleteHandler(db, user, new OverdueListStore(db, TimeProvider.System)).DeleteAsync(new DeleteCommand { Record = visit, Version = visit.Version, Reason = "wrong operation" });
    }

    [Fact]
    public async Task A_surgeon_may_not_delete_another_sites_record_and_nothing_is_deleted()
    {
        var before = await Database.CountRowsAsync();

        var outcome = await DeleteVisitAsync(DemoUsers.SurgeonOf(Own), FollowupId(Other));

        var refused = Assert.IsType<DeleteOutcome.Refused>(outcome);
        Assert.Equal("You may not delete records of site BCN: you enter records for HOU only.", refused.Of("site"));
        Assert.Equal(before, await Database.CountRowsAsync());
        Assert.Empty(await Database.DeleteRowsAsync());
    }

    [Fact]
    public async Task A_researcher_may_not_delete_and_nothing_is_deleted()
    {
        var before = await Database.CountRowsAsync();

        var outcome = await DeleteVisitAsync(DemoUsers.Researcher, FollowupId(Own));

        var refused = Assert.IsType<DeleteOutcome.Refused>(outcome);
        Assert.StartsWith("You may not delete records of site HOU", refused.Of("site"));
        Assert.Equal(before, await Database.CountRowsAsync());
        Assert.Empty(await Database.DeleteRowsAsync());
    }

    [Fact]
    public async Task A_job_deletes_in_the_name_of_its_user_and_the_job()
    {
        var outcome = await DeleteVisitAsync(DemoUsers.SurgeonOf(Own), FollowupId(Own));

        Assert.Equal(new DeleteOutcome.Deleted("followup", "F-HOU"), outcome);
        var row = Assert.Single(await Database.DeleteRowsAsync());
        Assert.Equal(("surgeon.hou via job corrections #1", "wrong operation"), (row.User, row.Reason));
    }
}

public sealed class SqliteDeleteHandlerTests(SqliteTestDatabase database) : DeleteHandlerTests<SqliteTestDatabase>(database);

public sealed class PostgresDeleteHandlerTests(PostgresTestDatabase database) : DeleteHandlerTests<PostgresTestDatabase>(database);
