using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Core.Validation;

internal static class ImagingRules
{
    public static void Check(ImagingStudy study, List<FieldIssue> issues)
    {
        if (study.TumorExcluded == "no")
            issues.Add(FieldIssue.Warning("tumor_excluded", "a tumour or other lesion was not excluded: a secondary cause; please confirm"));
    }
}
