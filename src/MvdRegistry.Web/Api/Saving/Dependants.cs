using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Core.Validation;

namespace MvdRegistry.Web.Api.Saving;

/// <summary>
/// The records whose rules read the record being saved: a patient's operations (surgery after birth),
/// an operation's imaging, visits and complications (dates after surgery, what applies to the
/// indication), a complication's sibling visits (none after a death). A save may not make one of
/// them invalid; what was already invalid before the save is not held against it.
/// </summary>
public static class Dependants
{
    public static IEnumerable<RegistryRecord> Of(RegistryRecord record) => record switch
    {
        Patient p => p.Operations,
        Operation o => o.Imaging.Cast<RegistryRecord>().Concat(o.FollowUps).Concat(o.Complications),
        Complication c => c.Operation?.FollowUps ?? [],
        _ => [],
    };

    /// <summary>Each dependant's errors, keyed "form/key/variable".</summary>
    public static Dictionary<string, string> Errors(RegistryRecord record)
    {
        var errors = new Dictionary<string, string>();
        foreach (var dependant in Of(record))
        {
            foreach (var issue in RecordValidator.Validate(dependant).Where(i => i.IsError))
                errors.TryAdd($"{FieldAccess.FormOf(dependant)}/{FieldAccess.Key(dependant)}/{FieldNames.VariableOf(issue.Column)}", issue.Message);
        }
        return errors;
    }
}
