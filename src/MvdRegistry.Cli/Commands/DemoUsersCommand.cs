using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MvdRegistry.Data;
using MvdRegistry.Reporting.Demo;

namespace MvdRegistry.Cli.Commands;

/// <summary>
/// The development sign-in's users for a registry filled by `seed-demo` or `import` (the web host adds
/// them only to the embedded demo registry it seeds itself): tests/bench.sh signs in as them.
/// </summary>
internal static class DemoUsersCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("demo-users", "Add the development sign-in users (surgeon.SITE for each site, researcher, admin) to a registry that has no user yet.");
        command.SetAction(async (parse, ct) =>
        {
            await using var services = context.Services();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            await DatabaseSetup.PrepareAsync(db, ct);
            if (await db.Users.AnyAsync(ct))
            {
                await context.Error.WriteLineAsync("error: the registry already has users: nothing was added.");
                return CliContext.InvalidInput;
            }
            await DemoUsers.SeedAsync(db, ct);
            await context.Out.WriteLineAsync($"Added {await db.Users.CountAsync(ct)} users: {string.Join(", ", await db.Users.OrderBy(u => u.UserName).Select(u => u.UserName).ToListAsync(ct))}.");
            return CliContext.Done;
        });
        return command;
    }
}
