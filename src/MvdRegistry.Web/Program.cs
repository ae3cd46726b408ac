using MvdRegistry.Data;
using MvdRegistry.Jobs.Hosting;
using MvdRegistry.Web.Access;
using MvdRegistry.Web.Api;
using MvdRegistry.Web.Entry;
using MvdRegistry.Web.Pages.Jobs;
using MvdRegistry.Web.Security;
using MvdRegistry.Web.Setup;

var builder = WebApplication.CreateBuilder(args);

builder.Services.Configure<RegistryOptions>(builder.Configuration.GetSection(RegistryOptions.Section));
builder.Services.AddRegistryDatabase(builder.Configuration);
builder.AddRegistryAuthentication();
builder.Services.AddRazorPages();
builder.Services.AddEntry();
builder.Services.AddRegistryApi(builder.Configuration);
builder.Services.AddRegistryJobs(builder.Configuration, JobHost.Web);
builder.Services.AddHealthChecks().AddDbContextCheck<RegistryDbContext>("database");

var app = builder.Build();

await app.PrepareEmbeddedDatabaseAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
}
app.UseSecurityHeaders();
// A bare 404 or 400 from a page (another site's record, a mistyped key) shows the registry's status
// page instead of the browser's own error; the API keeps its own answers.
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"),
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
