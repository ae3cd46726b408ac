using Microsoft.EntityFrameworkCore;

namespace MvdRegistry.Web.Api.Paging;

/// <summary>A page asked for with ?page= (from 1) and ?page_size= (1 to 500, 50 unless given).</summary>
public sealed record PageRequest(int Page, int PageSize)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    public static PageRequest? From(int? page, int? pageSize, out Dictionary<string, string[]> errors)
    {
        errors = [];
        if (page < 1) errors["page"] = ["must be 1 or more"];
        if (pageSize is < 1 or > MaxSize) errors["page_size"] = [$"must be between 1 and {MaxSize}"];
        return errors.Count > 0 ? null : new PageRequest(page ?? 1, pageSize ?? DefaultSize);
    }

    public async Task<RecordPage<TOut>> ReadAsync<TIn, TOut>(IQueryable<TIn> ordered, Func<TIn, TOut> map, CancellationToken ct)
    {
        var total = await ordered.CountAsync(ct);
        // Computed wide: page 2147483647 of 500 would overflow an int. A page past the last is empty.
        var skip = (long)(Page - 1) * PageSize;
        var items = skip >= total ? [] : await ordered.Skip((int)skip).Take(PageSize).ToListAsync(ct);
        return new RecordPage<TOut>(items.Select(map).ToList(), Page, PageSize, total);
    }
}
