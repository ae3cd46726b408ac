using Microsoft.Extensions.Options;
using MvdRegistry.Application.Statistics.Snapshots;
using MvdRegistry.Data;
using MvdRegistry.Jobs.Hosting;
using MvdRegistry.Web.Access;
using MvdRegistry.Web.Api;
using MvdRegistry.Web.Entry;
using MvdRegistry.Web.Pages.Statistics;
using MvdRegistry.Web.Pages.Jobs;
using MvdRegistry.Web.Security;
using MvdRegistry.Web.Setup;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddOptions<RegistryOptions>().Bind(builder.Configuration.GetSection(RegistryOptions.Section))
    .ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddRegistryDatabase(builder.Configuration);
builder.AddRegistryAuthentication();
builder.AddTransportSecurity();
builder.Services.AddRazorPages();
builder.Services.AddSingleton<MvdRegistry.Web.Pages.Cases.CaseListTotals>();
builder.Services.AddSingleton<SnapshotCache>();
builder.Services.AddSingleton<SnapshotValuesCache>();
builder.Services.AddSingleton<FingerprintCache>();
builder.Services.AddEntry();
builder.Services.AddStatisticsPseudonyms(builder.Configuration, builder.Environment);
builder.Services.AddRegistryApi();
builder.Services.AddRegistryJobs(builder.Configuration, JobHost.Web);
builder.Services.AddHealthChecks().AddDbContextCheck<RegistryDbContext>("database");

var app = builder.Build();

// Refuse to start on invalid configuration (a development sign-in outside Development, Entra ID
// without its settings...) before the database is touched.
app.Services.GetRequiredService<IStartupValidator>().Validate();
await app.PrepareEmbeddedDatabaseAsync();

app.UseTransportSecurity();
app.UseApiProblems();
if (!app.Environment.IsDevelopment())
    app.UseExceptionHandler("/Error");
app.UseSecurityHeaders();
// A bare 404 or 400 from a page (another site's record, a mistyped key) shows the registry's status
// page instead of the browser's own error; the API keeps its own answers.
app.UseWhen(context => !RegistryApiServices.IsApi(context),
    branch => branch.UseStatusCodePagesWithReExecute("/Status", "?code={0}"));
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthChecks("/health").AllowAnonymous();
app.MapRazorPages();
app.MapRegistryHangfireDashboard();
app.MapRegistryApiAndDocument();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
