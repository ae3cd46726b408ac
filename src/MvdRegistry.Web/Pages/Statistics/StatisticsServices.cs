using Microsoft.Extensions.Options;
using MvdRegistry.Application.Statistics;

namespace MvdRegistry.Web.Pages.Statistics;

public static class StatisticsServices
{
    /// <summary>Statistics:PseudonymKey, checked when the host starts: outside Development a missing or public key stops it.</summary>
    public static IServiceCollection AddStatisticsPseudonyms(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<PseudonymOptions>()
            .Bind(configuration.GetSection(PseudonymOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PseudonymOptions>>(new PseudonymValidation(environment.IsDevelopment()));
        return services;
    }

    private sealed class PseudonymValidation(bool development) : IValidateOptions<PseudonymOptions>
    {
        public ValidateOptionsResult Validate(string? name, PseudonymOptions options) =>
            !development && options.ProblemOutsideDevelopment() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
