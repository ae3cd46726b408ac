using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace MvdRegistry.Jobs.Hosting;

/// <summary>
/// Activates each job from this host's services, in a DI scope of its own. Hangfire.NetCore's own
/// registration hands servers <c>JobActivator.Current</c>, a static that whichever host configured
/// Hangfire last has set: with several hosts in one process (the tests'), a server could resolve
/// its jobs from another host's services, on another database, or from a host already disposed.
/// </summary>
public sealed class HostJobActivator(IServiceScopeFactory scopes) : JobActivator
{
    public override JobActivatorScope BeginScope(JobActivatorContext context) => new Scope(scopes.CreateScope());

    private sealed class Scope(IServiceScope scope) : JobActivatorScope
    {
        public override object Resolve(Type type) => ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type);

        public override void DisposeScope() => scope.Dispose();
    }
}
