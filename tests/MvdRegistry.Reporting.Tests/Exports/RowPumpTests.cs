using MvdRegistry.Reporting.Export.Deidentified;

namespace MvdRegistry.Reporting.Tests.Exports;

/// <summary>The export's reading task: every row of every sheet, in order, and a failed read reaches the writer.</summary>
public sealed class RowPumpTests
{
    private static async IAsyncEnumerable<object?[]> Numbers(string sheet, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % 100 == 0) await Task.Yield();
            yield return [sheet, i];
        }
    }

    private static async IAsyncEnumerable<object?[]> FailingAfter(int count)
    {
        await foreach (var row in Numbers("bad", count)) yield return row;
        throw new InvalidOperationException("the database went away");
    }

    [Fact]
    public async Task Every_row_of_every_source_arrives_once_in_order_across_batches()
    {
        // More rows than the buffer holds, a batch and a bit, none.
        int[] counts = [RowPump.BatchRows * RowPump.BufferedBatches * 5 + 3, RowPump.BatchRows + 1, 0, 7];
        await using var pump = RowPump.Start(counts.Select((n, s) => Numbers("s" + s, n)).ToList(), CancellationToken.None);

        for (var s = 0; s < counts.Length; s++)
        {
            var rows = new List<object?[]>();
            await foreach (var row in pump.Rows(s)) rows.Add(row);
            Assert.Equal(counts[s], rows.Count);
            Assert.All(rows.Select((row, i) => (row, i)), x => Assert.Equal(new object?[] { "s" + s, x.i }, x.row));
        }
    }

    [Fact]
    public async Task A_failed_read_reaches_the_writer_of_that_sheet_and_of_every_later_one()
    {
        await using var pump = RowPump.Start([Numbers("a", 10), FailingAfter(RowPump.BatchRows + 5), Numbers("c", 10)], CancellationToken.None);

        var first = new List<object?[]>();
        await foreach (var row in pump.Rows(0)) first.Add(row);
        Assert.Equal(10, first.Count);
        var seen = 0;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in pump.Rows(1)) seen++;
        });
        Assert.Equal("the database went away", error.Message);
        Assert.True(seen <= RowPump.BatchRows + 5);
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in pump.Rows(2)) { }
        });
    }

    [Fact]
    public async Task A_writer_cancelled_stops_at_the_next_batch_with_the_cancellation()
    {
        await using var pump = RowPump.Start([Numbers("endless", int.MaxValue)], CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in pump.Rows(0, cancel.Token))
            {
                if (++seen == 1) await cancel.CancelAsync();
                Assert.True(seen <= RowPump.BatchRows, "rows went on past the batch the cancellation came in");
            }
        });
        Assert.Equal(RowPump.BatchRows, seen);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Either_token_stops_the_rows_when_the_writer_is_given_two(bool cancelTheSheets)
    {
        await using var pump = RowPump.Start([Numbers("endless", int.MaxValue)], CancellationToken.None);
        using var sheets = new CancellationTokenSource();
        using var enumeration = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in pump.Rows(0, sheets.Token).WithCancellation(enumeration.Token))
            {
                if (++seen == 1) await (cancelTheSheets ? sheets : enumeration).CancelAsync();
                Assert.True(seen <= RowPump.BatchRows, "rows went on past the batch the cancellation came in");
            }
        });
        Assert.Equal(RowPump.BatchRows, seen);
    }

    [Fact]
    public async Task The_enumeration_s_own_token_stops_the_rows_when_the_sheet_was_given_none()
    {
        await using var pump = RowPump.Start([Numbers("endless", int.MaxValue)], CancellationToken.None);
        using var enumeration = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in pump.Rows(0).WithCancellation(enumeration.Token))
            {
                if (++seen == 1) await enumeration.CancelAsync();
                Assert.True(seen <= RowPump.BatchRows, "rows went on past the batch the cancellation came in");
            }
        });
        Assert.Equal(RowPump.BatchRows, seen);
    }

    [Fact]
    public async Task Disposing_stops_a_reader_the_writer_left_behind()
    {
        var endless = Numbers("endless", int.MaxValue);
        var pump = RowPump.Start([endless], CancellationToken.None);
        await foreach (var _ in pump.Rows(0)) break;

        var disposed = pump.DisposeAsync().AsTask();

        Assert.Same(disposed, await Task.WhenAny(disposed, Task.Delay(TimeSpan.FromSeconds(30))));
    }
}
