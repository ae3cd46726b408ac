using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>
/// Narrows a form query's row to the columns <see cref="PlainRows"/> reads: in a projection such as
/// <c>o => new { Row = o, o.SurgeryDate }</c> the record becomes <c>new Operation { CaseId = o.CaseId, … }</c> with only
/// the given properties (the form's dictionary variables), so the database sends nothing else: not the audit
/// columns (created_at, updated_at, row_version), which EF Core's entity would select on every row.
/// </summary>
public sealed class RowColumns(IModel model, IReadOnlySet<string> properties)
{
    public Expression<Func<T, TResult>> Narrow<T, TResult>(Expression<Func<T, TResult>> selector) => (Expression<Func<T, TResult>>)new Narrowing(this).Visit(selector);

    public Expression<Func<T1, T2, TResult>> Narrow<T1, T2, TResult>(Expression<Func<T1, T2, TResult>> selector) => (Expression<Func<T1, T2, TResult>>)new Narrowing(this).Visit(selector);

    /// <summary><c>new TRow { P = row.P, … }</c> for the record <paramref name="row"/>: its mapped properties among those given.</summary>
    private MemberInitExpression Of(ParameterExpression row)
    {
        var entity = model.FindEntityType(row.Type) ?? throw new InvalidOperationException($"{row.Type.Name} is not in the model");
        var bindings = Selected(entity, properties).Select(p => (MemberBinding)Expression.Bind(p.PropertyInfo!, Expression.Property(row, p.PropertyInfo!)));
        return Expression.MemberInit(Expression.New(row.Type), bindings);
    }

    /// <summary>The entity's mapped properties among <paramref name="properties"/>: those a narrowed row selects and <see cref="PlainRows"/> sets.</summary>
    internal static IEnumerable<IProperty> Selected(IEntityType entity, IReadOnlySet<string> properties) =>
        entity.GetProperties().Where(p => p.PropertyInfo is { SetMethod: not null } && properties.Contains(p.Name));

    /// <summary>Replaces each record passed whole to a <c>new { … }</c> (the row) by its narrowed copy; a record's other uses (<c>o.Patient</c>) stay.</summary>
    private sealed class Narrowing(RowColumns columns) : ExpressionVisitor
    {
        protected override Expression VisitNew(NewExpression node) =>
            node.Update(node.Arguments.Select(a => a is ParameterExpression p && p.Type.IsAssignableTo(typeof(RegistryRecord)) ? columns.Of(p) : Visit(a)));
    }
}
