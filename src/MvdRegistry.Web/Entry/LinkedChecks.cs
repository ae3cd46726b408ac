using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Core.Validation;

namespace MvdRegistry.Web.Entry;

/// <summary>
/// A change to one record can break the rules of the records linked to it (a later surgery date puts a
/// visit before surgery; a recorded death puts later visits after it; an indication changed from HFS to
/// TN leaves spasm statuses on the visits). The linked records are validated before and after the
/// change, in memory, and only the errors the change would bring are reported.
/// </summary>
public static class LinkedChecks
{
    public static Dictionary<RegistryRecord, HashSet<string>> Errors(IEnumerable<RegistryRecord> records) =>
        records.ToDictionary<RegistryRecord, RegistryRecord, HashSet<string>>(r => r, ErrorMessages, ReferenceEqualityComparer.Instance);

    public static IEnumerable<string> NewErrors(Dictionary<RegistryRecord, HashSet<string>> before)
    {
        foreach (var (record, old) in before)
            foreach (var message in ErrorMessages(record).Where(m => !old.Contains(m)))
                yield return $"{Title(FieldAccess.FormOf(record))} {FieldAccess.Key(record)}: {message}";
    }

    /// <summary>The operation and every record beneath it except <paramref name="except"/>.</summary>
    public static IEnumerable<RegistryRecord> Around(Operation operation, RegistryRecord? except)
    {
        IEnumerable<RegistryRecord> all = [operation, .. operation.Imaging, .. operation.FollowUps, .. operation.Complications];
        return all.Where(r => !ReferenceEquals(r, except)).ToList();
    }

    public static string Title(string form) => form switch
    {
        Forms.Patient => "Patient",
        Forms.Case => "Operation",
        Forms.Imaging => "Imaging study",
        Forms.FollowUp => "Follow-up visit",
        Forms.Complication => "Complication",
        _ => form,
    };

    private static HashSet<string> ErrorMessages(RegistryRecord record) =>
        RecordValidator.Validate(record).Where(i => i.IsError).Select(i => i.Message).ToHashSet();
}
