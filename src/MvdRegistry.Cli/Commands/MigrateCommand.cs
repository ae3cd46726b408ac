using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MvdRegistry.Data;

namespace MvdRegistry.Cli.Commands;

internal static class MigrateCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("migrate", "Create the database or bring it up to the newest schema (Database:Provider, ConnectionStrings:Registry).");
        command.SetAction(async (_, ct) =>
        {
            await using var services = context.Services();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            await db.Database.MigrateAsync(ct);
            await context.Out.WriteLineAsync(pending.Count == 0
                ? "The database is up to date."
                : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
            return CliContext.Done;
        });
        return command;
    }
}
