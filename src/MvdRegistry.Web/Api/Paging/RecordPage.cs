using System.ComponentModel;
using System.Text.Json.Serialization;

namespace MvdRegistry.Web.Api.Paging;

/// <summary>One page of a list.</summary>
[JsonNumberHandling(JsonNumberHandling.Strict)]
public sealed record RecordPage<T>(
    [property: JsonPropertyName("items"), Description("The records of this page.")] IReadOnlyList<T> Items,
    [property: JsonPropertyName("page"), Description("The page number, from 1.")] int Page,
    [property: JsonPropertyName("page_size"), Description("Records per page.")] int PageSize,
    [property: JsonPropertyName("total_count"), Description("Records matching, on all pages.")] int TotalCount);
