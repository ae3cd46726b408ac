using MvdRegistry.Core.Model;

namespace MvdRegistry.Web.Api.Children;

/// <summary>The records that repeat beneath an operation, and where each lives in the API.</summary>
public static class ChildForms
{
    public static List<T> Of<T>(Operation operation) where T : RegistryRecord => typeof(T) switch
    {
        var t when t == typeof(ImagingStudy) => (List<T>)(object)operation.Imaging,
        var t when t == typeof(FollowUp) => (List<T>)(object)operation.FollowUps,
        var t when t == typeof(Complication) => (List<T>)(object)operation.Complications,
        _ => throw new ArgumentOutOfRangeException(nameof(T), typeof(T).Name, "not a record beneath an operation"),
    };

    /// <summary>The path segment beneath /api/operations/{caseId}.</summary>
    public static string Segment<T>() where T : RegistryRecord => typeof(T) switch
    {
        var t when t == typeof(ImagingStudy) => "imaging",
        var t when t == typeof(FollowUp) => "followups",
        var t when t == typeof(Complication) => "complications",
        _ => throw new ArgumentOutOfRangeException(nameof(T), typeof(T).Name, "not a record beneath an operation"),
    };
}
