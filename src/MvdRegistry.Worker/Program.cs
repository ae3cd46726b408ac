using MvdRegistry.Data;
using MvdRegistry.Data.Auditing;
using MvdRegistry.Jobs.Hosting;

// The Worker runs Hangfire servers and nothing else: start as many as the load needs, on any machine
// that reaches the database. Configuration as the web host's (appsettings*.json, environment variables).
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddSingleton<ICurrentUser>(new FixedUser("worker"));
builder.Services.AddRegistryDatabase(builder.Configuration);
builder.Services.AddRegistryJobs(builder.Configuration, JobHost.Worker);

await builder.Build().RunAsync();
