using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;

namespace MvdRegistry.Application.Scheduling;

/// <summary>
/// The statements a change runs before reading its operations' overdue rows, in the same command (see
/// <see cref="OverdueListStore.WriteAsync"/>): the lock of the sites' stored lists (an UPDATE of their
/// <see cref="OverdueSiteList"/> rows, which also says when a save last changed them) and the removal of
/// the operations' rows. Tables, columns and parameters come from the EF Core model, as EF Core's own.
/// </summary>
internal static class OverdueLocks
{
    public static string LockAndClear(RegistryDbContext db, DbCommand command, OverdueChange change, DateTime now)
    {
        var lists = db.Model.FindEntityType(typeof(OverdueSiteList))!;
        var rows = db.Model.FindEntityType(typeof(OverdueOperation))!;
        var text = "";
        var sites = change.Sites.Order(StringComparer.Ordinal).ToList();
        if (sites.Count > 0)
        {
            text += $"UPDATE {ModelNames.Table(db, lists)} SET {ModelNames.Column(db, lists, nameof(OverdueSiteList.UpdatedAt))} = "
                + $"{Parameters(command, lists, nameof(OverdueSiteList.UpdatedAt), "overdue_now", [now])} "
                + $"WHERE {ModelNames.Column(db, lists, nameof(OverdueSiteList.SiteCode))} IN ({Parameters(command, lists, nameof(OverdueSiteList.SiteCode), "overdue_site", sites)});\n";
        }
        var cases = change.Cases.Order(StringComparer.Ordinal).ToList();
        text += $"DELETE FROM {ModelNames.Table(db, rows)} WHERE {ModelNames.Column(db, rows, nameof(OverdueOperation.CaseId))} IN "
            + $"({Parameters(command, rows, nameof(OverdueOperation.CaseId), "overdue_case", cases)});\n";
        return text;
    }

    /// <summary>Adds a parameter of the property's type mapping per value; returns their names, comma separated.</summary>
    private static string Parameters<T>(DbCommand command, IEntityType entity, string property, string prefix, IReadOnlyList<T> values)
    {
        var column = entity.FindProperty(property)!;
        var mapping = (RelationalTypeMapping)column.GetRelationalTypeMapping();
        var names = new string[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            names[i] = $"@{prefix}{i}";
            command.Parameters.Add(mapping.CreateParameter(command, names[i], values[i], column.IsNullable));
        }
        return string.Join(", ", names);
    }
}
