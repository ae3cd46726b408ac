using MvdRegistry.Data;
using MvdRegistry.Data.Auditing;
using MvdRegistry.Web.Home;
using MvdRegistry.Web.Setup;

var builder = WebApplication.CreateBuilder(args);

builder.Services.Configure<RegistryOptions>(builder.Configuration.GetSection(RegistryOptions.Section));
builder.Services.AddRegistryDatabase(builder.Configuration);
// Until sign-in exists every change is audited under the host's name.
builder.Services.AddSingleton<ICurrentUser>(new FixedUser("web"));
builder.Services.AddHealthChecks().AddDbContextCheck<RegistryDbContext>("database");

var app = builder.Build();

await app.PrepareEmbeddedDatabaseAsync();

app.MapHealthChecks("/health");
app.MapHome();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
