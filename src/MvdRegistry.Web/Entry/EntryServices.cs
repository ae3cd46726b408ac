using MvdRegistry.Application;
using MvdRegistry.Application.Users;
using MvdRegistry.Web.Access;

namespace MvdRegistry.Web.Entry;

public static class EntryServices
{
    /// <summary>Data entry: the shared use cases acting for the signed-in user, the pages' adapter and the choices offered on the forms.</summary>
    public static IServiceCollection AddEntry(this IServiceCollection services)
    {
        services.AddRegistryApplication();
        services.AddScoped<IActingUser>(sp => sp.GetRequiredService<RegistryUser>());
        services.AddScoped<RecordEntry>();
        services.AddScoped<DeleteEntry>();
        services.AddScoped<EntryChoices>();
        services.AddScoped<Pages.Cases.NewCaseHandler>();
        return services;
    }
}
