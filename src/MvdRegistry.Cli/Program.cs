using Microsoft.Extensions.Configuration;
using MvdRegistry.Cli;

// Configuration: appsettings.json beside the program, then environment variables
// (Database__Provider, ConnectionStrings__Registry).
var configuration = new ConfigurationBuilder()
    .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
    .AddEnvironmentVariables()
    .Build();

return await CliApp.RunAsync(args, new CliContext(configuration, Console.Out, Console.Error));
