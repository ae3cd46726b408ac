using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace MvdRegistry.Web.Security;

/// <summary>
/// HTTPS behind a TLS proxy: forwarded headers from the configured proxies only, then (outside
/// Development) HSTS, redirection to HTTPS and Secure cookies, every cookie included (sign-in,
/// antiforgery, temp data).
/// </summary>
public static class TransportSecurity
{
    public static WebApplicationBuilder AddTransportSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProxyOptions>().Bind(builder.Configuration.GetSection(ProxyOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyValidation>();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxies) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies: not the framework's default of loopback.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.Value.Proxies) forwarded.KnownProxies.Add(proxy);
            foreach (var network in proxies.Value.Networks) forwarded.KnownIPNetworks.Add(network);
        });
        if (!builder.Environment.IsDevelopment())
        {
            builder.Services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.Always);
            builder.Services.ConfigureAll<CookieAuthenticationOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        }
        return builder;
    }

    private sealed class ProxyValidation : IValidateOptions<ProxyOptions>
    {
        public ValidateOptionsResult Validate(string? name, ProxyOptions options) =>
            options.Invalid().ToList() is { Count: > 0 } invalid ? ValidateOptionsResult.Fail(invalid) : ValidateOptionsResult.Success;
    }

    /// <summary>First in the pipeline: everything after it sees the client's scheme and address.</summary>
    public static WebApplication UseTransportSecurity(this WebApplication app)
    {
        // With no proxy configured the middleware would believe anyone's headers: leave it out.
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.Any)
            app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseCookiePolicy();
        return app;
    }
}
