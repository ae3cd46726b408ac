namespace MvdRegistry.Web.Entry;

public static class EntryServices
{
    /// <summary>Data entry: the save flow, key generation and the choices offered on the forms.</summary>
    public static IServiceCollection AddEntry(this IServiceCollection services)
    {
        services.AddScoped<RecordEntry>();
        services.AddScoped<KeyGenerator>();
        services.AddScoped<EntryChoices>();
        services.AddScoped<Pages.Cases.NewCaseHandler>();
        return services;
    }
}
