using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MvdRegistry.Data;

/// <summary>
/// An EF Core compiled query kept per model: a compiled query skips the expression's parameter
/// extraction, cache key and lookup on every call, but refuses a context of another model than its
/// first, and one process may serve several providers (the tests use SQLite and PostgreSQL side by side).
/// </summary>
public sealed class CompiledQueries<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = new();

    public TQuery For(DbContext db) => _byModel.GetValue(db.Model, _ => compile());
}
