using Microsoft.Extensions.DependencyInjection;
using MvdRegistry.Application.Saving;

namespace MvdRegistry.Application;

public static class ApplicationServices
{
    /// <summary>
    /// The use cases every host shares (web, command line, background worker). The host registers the
    /// <see cref="Users.IActingUser"/> they act for: the signed-in user of a request, or a <see cref="Users.JobUser"/>.
    /// </summary>
    public static IServiceCollection AddRegistryApplication(this IServiceCollection services)
    {
        services.AddScoped<SaveHandler>();
        services.AddScoped<DeleteHandler>();
        services.AddScoped<KeyGenerator>();
        services.AddScoped<Scheduling.OverdueListStore>();
        services.AddScoped<Scheduling.OverdueLists>();
        return services;
    }
}
