using MvdRegistry.Reporting.Export.Deidentified;

namespace MvdRegistry.Reporting.Tests.Exports;

/// <summary>A sheet read ahead into a temporary file: its rows come back in order, each value of its own type, and a failed read reaches the writer.</summary>
public sealed class RowSpillTests
{
    private static async IAsyncEnumerable<object?[]> Source(IEnumerable<object?[]> rows, Exception? after = null)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
        if (after is not null) throw after;
    }

    [Fact]
    public async Task Every_row_comes_back_in_order_with_each_value_of_the_type_it_went_in_as()
    {
        object?[][] rows =
        [
            ["P-bcdfghjkmnpqrstv", 1, null, 12.50m, "", -7, "naïve, \"quoted\"\r\ntext"],
            [null, null],
            [],
            [0, 0m, "0", int.MaxValue, int.MinValue, 1234567.000001m, new string('x', 300)],
        ];
        await using var spill = RowSpill.Start(Source(rows), CancellationToken.None);

        var back = new List<object?[]>();
        await foreach (var row in spill.Rows()) back.Add(row);

        Assert.Equal(rows.Length, back.Count);
        for (var r = 0; r < rows.Length; r++)
        {
            Assert.Equal(rows[r], back[r]);
            // 1 stays an int and 12.50m a decimal with its scale: the xlsx and CSV writers format by type.
            Assert.Equal(rows[r].Select(v => v?.GetType()), back[r].Select(v => v?.GetType()));
            Assert.Equal(rows[r].Select(v => v?.ToString()), back[r].Select(v => v?.ToString()));
        }
    }

    [Fact]
    public async Task A_failed_read_ahead_is_the_sheet_s_error_when_the_writer_reaches_it()
    {
        await using var spill = RowSpill.Start(Source([[1], [2]], new InvalidOperationException("the database went away")), CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in spill.Rows()) { }
        });
        Assert.Equal("the database went away", error.Message);
    }

    [Fact]
    public async Task A_value_the_sheets_never_hold_is_refused()
    {
        await using var spill = RowSpill.Start(Source([[DateTime.UnixEpoch]]), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in spill.Rows()) { }
        });
    }

    [Fact]
    public async Task Disposed_before_the_writer_reaches_it_the_reading_stops_and_the_file_is_gone()
    {
        var started = new TaskCompletionSource();
        async IAsyncEnumerable<object?[]> Endless([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
        {
            for (var i = 0; ; i++)
            {
                if (i == 10) started.TrySetResult();
                await Task.Delay(1, ct);
                yield return [i];
            }
        }
        var before = Directory.GetFiles(Path.GetTempPath(), "mvd-export-*.rows").ToHashSet();
        var spill = RowSpill.Start(Endless(), CancellationToken.None);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Single(Directory.GetFiles(Path.GetTempPath(), "mvd-export-*.rows").Except(before));

        await spill.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Empty(Directory.GetFiles(Path.GetTempPath(), "mvd-export-*.rows").Except(before));
    }
}
