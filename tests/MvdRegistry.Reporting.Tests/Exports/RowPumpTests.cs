using MvdRegistry.Reporting.Export.Deidentified;

namespace MvdRegistry.Reporting.Tests.Exports;

/// <summary>The export's reading thread: every row of every sheet, in order, and a failed read reaches the writer.</summary>
public sealed class RowPumpTests
{
    private static IEnumerable<object?[]> Numbers(string sheet, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % 100 == 0) Thread.Yield();
            yield return [sheet, i];
        }
    }

    private static IEnumerable<object?[]> FailingAfter(int count)
    {
        foreach (var row in Numbers("bad", count)) yield return row;
        throw new InvalidOperationException("the database went away");
    }

    [Fact]
    public void Every_row_of_every_source_arrives_once_in_order_across_batches()
    {
        // More rows than the buffer holds, a batch and a bit, none.
        int[] counts = [RowPump.BatchRows * RowPump.BufferedBatches * 5 + 3, RowPump.BatchRows + 1, 0, 7];
        using var pump = RowPump.Start(counts.Select((n, s) => Numbers("s" + s, n)).ToList(), CancellationToken.None);

        for (var s = 0; s < counts.Length; s++)
        {
            var rows = new List<object?[]>();
            foreach (var row in pump.Rows(s)) rows.Add(row);
            Assert.Equal(counts[s], rows.Count);
            Assert.All(rows.Select((row, i) => (row, i)), x => Assert.Equal(new object?[] { "s" + s, x.i }, x.row));
        }
    }

    [Fact]
    public void A_failed_read_reaches_the_writer_of_that_sheet_and_of_every_later_one()
    {
        using var pump = RowPump.Start([Numbers("a", 10), FailingAfter(RowPump.BatchRows + 5), Numbers("c", 10)], CancellationToken.None);

        var first = new List<object?[]>();
        foreach (var row in pump.Rows(0)) first.Add(row);
        Assert.Equal(10, first.Count);
        var seen = 0;
        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var _ in pump.Rows(1)) seen++;
        });
        Assert.Equal("the database went away", error.Message);
        Assert.True(seen <= RowPump.BatchRows + 5);
        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var _ in pump.Rows(2)) { }
        });
    }

    [Fact]
    public async Task Disposing_stops_a_reader_the_writer_left_behind()
    {
        var endless = Numbers("endless", int.MaxValue);
        var pump = RowPump.Start([endless], CancellationToken.None);
        foreach (var _ in pump.Rows(0)) break;

        var disposed = Task.Run(pump.Dispose);

        Assert.Same(disposed, await Task.WhenAny(disposed, Task.Delay(TimeSpan.FromSeconds(30))));
    }

    [Fact]
    public void Cancelling_wakes_a_writer_waiting_for_rows_and_stops_the_reader()
    {
        using var cancel = new CancellationTokenSource();
        IEnumerable<object?[]> Stalled()
        {
            while (!cancel.IsCancellationRequested) Thread.Sleep(10);
            yield break;
        }
        using var pump = RowPump.Start([Stalled()], cancel.Token);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(200));

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in pump.Rows(0, cancel.Token)) { }
        });
    }
}
