using MvdRegistry.Core.Model;

namespace MvdRegistry.Core.Validation;

public static class OperationFacts
{
    /// <summary>The onset date of the operation's earliest recorded death, if any.</summary>
    public static DateOnly? DeathDate(Operation op) =>
        op.Complications.Where(c => c.ComplicationType == "death" && c.OnsetDate is not null).Min(c => c.OnsetDate);
}
