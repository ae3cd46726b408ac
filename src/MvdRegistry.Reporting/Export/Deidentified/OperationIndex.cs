namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>
/// Every operation of the registry in key order, each with whether the export keeps it (its patient's consent and the
/// filter) and its surgery date, written to a spill file as the operations sheet is read. The repeating forms are then
/// read alone, in the same order (operation key, then their own key), and each row finds its operation by walking the
/// file forward: the database neither joins them to the operations nor sorts the operations again for each of them.
/// Memory stays flat whatever the registry's size.
/// </summary>
public sealed class OperationIndex(string? folder = null) : IDisposable
{
    private readonly SpillFile _file = new(folder);

    /// <summary>Records the next operation (in key order); answers <paramref name="kept"/>.</summary>
    public bool Add(string caseId, bool kept, DateOnly? surgery)
    {
        var w = _file.Writer;
        w.Write(caseId);
        w.Write(kept);
        SpillFile.Day(w, surgery);
        return kept;
    }

    /// <summary>A walk through the operations from the first, for one repeating form's rows (<paramref name="sheet"/> names it in an error).</summary>
    public Walk Start(string sheet) => new(_file.Read(), sheet);

    public void Dispose() => _file.Dispose();

    public sealed class Walk
    {
        private readonly SpillFile.Reading _reader;
        private readonly string _sheet;
        private string? _caseId;
        private bool _kept;
        private DateOnly? _surgery;

        internal Walk(SpillFile.Reading reader, string sheet) => (_reader, _sheet) = (reader, sheet);

        /// <summary>The operation <paramref name="caseId"/>: whether the export keeps it, and its surgery date.</summary>
        /// <exception cref="InvalidOperationException">No operation is left with that key: the rows did not come in the operations' order.</exception>
        public (bool Kept, DateOnly? Surgery) Find(string caseId)
        {
            while (!string.Equals(_caseId, caseId, StringComparison.Ordinal))
            {
                if (!_reader.More) throw new InvalidOperationException($"the {_sheet} sheet's rows did not come grouped by operation in the operations' order");
                _caseId = _reader.ReadString();
                _kept = _reader.ReadBoolean();
                _surgery = SpillFile.Day(_reader);
            }
            return (_kept, _surgery);
        }
    }
}
