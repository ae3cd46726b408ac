using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Core.Validation;

namespace MvdRegistry.Application.Saving;

/// <summary>
/// The one list of records a change to a record can break, read from its links: a patient's operations
/// (no surgery before birth); an operation's imaging, visits and complications (dates after surgery,
/// what applies to the indication); a record beneath an operation, that operation and its other
/// records (a recorded death puts later visits after it; two visits on one date). They are validated
/// before and after the change, in memory, and only the errors the change brings are reported.
/// </summary>
public static class LinkedRecords
{
    public static IReadOnlyList<RegistryRecord> Of(IReadOnlyCollection<RegistryRecord> saved)
    {
        var linked = new List<RegistryRecord>();
        foreach (var record in saved)
        {
            IEnumerable<RegistryRecord> around = record switch
            {
                Patient p => p.Operations,
                Operation o => [.. o.Imaging, .. o.FollowUps, .. o.Complications],
                ImagingStudy { Operation: { } o } => Around(o),
                FollowUp { Operation: { } o } => Around(o),
                Complication { Operation: { } o } => Around(o),
                _ => [],
            };
            linked.AddRange(around);
        }
        return linked.Where(r => !saved.Contains(r, ReferenceEqualityComparer.Instance)).Distinct(ReferenceEqualityComparer.Instance).Cast<RegistryRecord>().ToList();
    }

    public static Dictionary<RegistryRecord, HashSet<(string Column, string Message)>> Errors(IEnumerable<RegistryRecord> records) =>
        records.ToDictionary<RegistryRecord, RegistryRecord, HashSet<(string, string)>>(r => r, ErrorsOf, ReferenceEqualityComparer.Instance);

    /// <summary>The errors the linked records have now and did not have <paramref name="before"/>.</summary>
    public static IEnumerable<LinkedIssue> NewErrors(Dictionary<RegistryRecord, HashSet<(string Column, string Message)>> before)
    {
        foreach (var (record, old) in before)
            foreach (var (column, message) in ErrorsOf(record).Where(e => !old.Contains(e)))
                yield return new LinkedIssue(FieldAccess.FormOf(record), FieldAccess.Key(record), column, message);
    }

    private static IEnumerable<RegistryRecord> Around(Operation operation) =>
        [operation, .. operation.Imaging, .. operation.FollowUps, .. operation.Complications];

    private static HashSet<(string, string)> ErrorsOf(RegistryRecord record) =>
        RecordValidator.Validate(record).Where(i => i.IsError).Select(i => (i.Column, i.Message)).ToHashSet();
}
