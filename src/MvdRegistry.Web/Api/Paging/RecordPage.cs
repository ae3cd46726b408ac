using System.ComponentModel;

namespace MvdRegistry.Web.Api.Paging;

/// <summary>One page of a list.</summary>
public sealed record RecordPage<T>(
    [property: Description("The records of this page.")] IReadOnlyList<T> Items,
    [property: Description("The page number, from 1.")] int Page,
    [property: Description("Records per page.")] int PageSize,
    [property: Description("Records matching, on all pages.")] int TotalCount);
