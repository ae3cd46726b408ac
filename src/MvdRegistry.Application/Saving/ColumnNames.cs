using MvdRegistry.Core.Dictionary;

namespace MvdRegistry.Application.Saving;

public static class ColumnNames
{
    /// <summary>The variable of a column: a multi-choice column "vessel_op___NONE" belongs to "vessel_op".</summary>
    public static string VariableOf(string column)
    {
        var at = column.IndexOf(Variable.MultiSeparator, StringComparison.Ordinal);
        return at < 0 ? column : column[..at];
    }
}
