using MvdRegistry.Data;

namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>
/// The analysis sheet derived ahead, while the form sheets are written: on a context (and connection) of its own,
/// its own reading session (on PostgreSQL the same planner setting), its own HMAC for the same pseudonyms, into a
/// <see cref="RowSpill"/> the writer streams from when it reaches the sheet. The analysis sheet re-reads every
/// table a batch of operations at a time; derived when the writer reached it, that took 6-9 s of CPU at 100,000
/// patients while MiniExcel waited. None when the registry cannot be opened twice (inside a transaction, SQLite in
/// memory: see <see cref="SecondConnection"/>): the sheet is then derived when the writer reaches it, by the same code.
/// </summary>
internal sealed class AnalysisAhead : IAsyncDisposable
{
    private readonly RegistryDbContext _db;
    private readonly ReadingSession _session;
    private readonly Pseudonyms _pseudonyms;
    private readonly RowSpill _spill;

    private AnalysisAhead(RegistryDbContext db, ReadingSession session, Pseudonyms pseudonyms, RowSpill spill) =>
        (_db, _session, _pseudonyms, _spill) = (db, session, pseudonyms, spill);

    /// <param name="rows">The sheet's rows from a query and pseudonyms: the same code as when derived on the export's own connection.</param>
    public static async Task<AnalysisAhead?> StartAsync(RegistryDbContext db, ExportFilter filter, Pseudonyms pseudonyms,
        Func<DeidentifiedQuery, Pseudonyms, IAsyncEnumerable<object?[]>> rows, CancellationToken ct)
    {
        if (SecondConnection.Context(db) is not { } second) return null;
        ReadingSession? session = null;
        try
        {
            session = await ReadingSession.OpenAsync(second, ct);
            var twin = pseudonyms.Twin();
            return new AnalysisAhead(second, session, twin, RowSpill.Start(rows(new DeidentifiedQuery(second, filter), twin), ct));
        }
        catch
        {
            if (session is not null) await session.DisposeAsync();
            await second.DisposeAsync();
            throw;
        }
    }

    public IAsyncEnumerable<object?[]> Rows(CancellationToken ct) => _spill.Rows(ct);

    public async ValueTask DisposeAsync()
    {
        await _spill.DisposeAsync();
        await _session.DisposeAsync();
        _pseudonyms.Dispose();
        await _db.DisposeAsync();
    }
}
