using MvdRegistry.Core.Model;
using MvdRegistry.Core.Outcomes;

namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>
/// What the analysis sheet derives from, gathered from the form sheets' rows as they pass, so that the
/// analysis sheet reads nothing again: the operations sheet's operations (with the patient's site and birth
/// date), then their imaging studies, follow-ups and complications. Only the values outcome derivation and
/// the analysis sheet read are kept, compactly (a code as a small number, a date as its day number): about
/// 30 MB for 100,000 operations, where the records themselves would take several times that. Each operation
/// is then rebuilt, linked, for <see cref="OutcomeDerivation"/>, the statistics' own code, one at a time.
/// A child whose operation is not among the operations (it cannot be: the sheets' queries share one filter)
/// is left out, as the statistics' loader leaves it without a parent.
/// </summary>
public sealed class AnalysisInputs
{
    private const int None = -1;
    private const int NoDate = int.MinValue;

    private readonly Dictionary<string, int> _operationIndex;
    private readonly List<OperationInput> _operations;
    private readonly List<ImagingInput> _imaging = [];
    private readonly List<VisitInput> _visits;
    private readonly List<ComplicationInput> _complications = [];
    private readonly List<string> _codes = [];
    private readonly Dictionary<string, ushort> _codeIndex = new(StringComparer.Ordinal);

    /// <param name="operations">Operations expected (sizes the tables once; more are taken).</param>
    /// <param name="followUps">Follow-ups expected.</param>
    public AnalysisInputs(int operations = 0, int followUps = 0)
    {
        _operationIndex = new Dictionary<string, int>(operations, StringComparer.Ordinal);
        _operations = new List<OperationInput>(operations);
        _visits = new List<VisitInput>(followUps);
    }

    public int Operations => _operations.Count;

    /// <summary>Keeps what the analysis sheet needs of a form's row (a patient's row needs nothing: its operation's row brings its site and birth date).</summary>
    public void Add(RegistryRecord record, RowContext context)
    {
        switch (record)
        {
            case Operation o:
                _operationIndex.Add(o.CaseId, _operations.Count);
                _operations.Add(new OperationInput(o.CaseId, o.PatientId, Code(context.Site), Code(o.Indication), Code(o.SurgeonCode),
                    Code(o.LsrIntraop), Code(o.VesselOp), Code(o.VesselPrimary), Day(context.BirthDate), Day(o.SurgeryDate), Day(o.DischargeDate),
                    o.PtaDbPreop ?? 0, o.PtaDbPreop.HasValue, o.SdsPctPreop ?? 0, o.SdsPctPreop.HasValue));
                break;
            case ImagingStudy s when Parent(s.CaseId) is { } i:
                _imaging.Add(new ImagingInput(i, Code(s.NvcDetected), Code(s.VesselImg)));
                break;
            case FollowUp f when Parent(f.CaseId) is { } i:
                _visits.Add(new VisitInput(i, Day(f.VisitDate), Code(f.HfsStatus), Code(f.BniPain)));
                break;
            case Complication c when Parent(c.CaseId) is { } i:
                _complications.Add(new ComplicationInput(i, Code(c.ComplicationType), Day(c.OnsetDate), Code(c.ClavienDindo), Code(c.Resolved)));
                break;
        }
    }

    /// <summary>Every operation kept, in the order its row came (the operations sheet's: key order), derived.</summary>
    public IEnumerable<OperationOutcome> Outcomes()
    {
        // Each operation's children, in the order they came (their sheet's): the start of each operation's run in one array.
        var imaging = Grouped(_imaging, s => s.Operation);
        var visits = Grouped(_visits, v => v.Operation);
        var complications = Grouped(_complications, c => c.Operation);
        for (var i = 0; i < _operations.Count; i++)
        {
            var o = _operations[i];
            var operation = new Operation
            {
                CaseId = o.CaseId, PatientId = o.PatientId, Indication = Text(o.Indication), SurgeonCode = Text(o.SurgeonCode),
                LsrIntraop = Text(o.LsrIntraop), VesselOp = Text(o.VesselOp), VesselPrimary = Text(o.VesselPrimary),
                SurgeryDate = Date(o.Surgery), DischargeDate = Date(o.Discharge),
                PtaDbPreop = o.HasPtaDbPreop ? o.PtaDbPreop : null, SdsPctPreop = o.HasSdsPctPreop ? o.SdsPctPreop : null,
            };
            operation.Patient = new Patient { PatientId = o.PatientId, SiteCode = Text(o.Site), BirthDate = Date(o.Birth) };
            foreach (var s in imaging.Of(i))
                operation.Imaging.Add(new ImagingStudy { CaseId = o.CaseId, NvcDetected = Text(s.NvcDetected), VesselImg = Text(s.VesselImg), Operation = operation });
            foreach (var v in visits.Of(i))
                operation.FollowUps.Add(new FollowUp { CaseId = o.CaseId, VisitDate = Date(v.Visit), HfsStatus = Text(v.HfsStatus), BniPain = Text(v.BniPain), Operation = operation });
            foreach (var c in complications.Of(i))
                operation.Complications.Add(new Complication
                {
                    CaseId = o.CaseId, ComplicationType = Text(c.Type), OnsetDate = Date(c.Onset), ClavienDindo = Text(c.ClavienDindo),
                    Resolved = Text(c.Resolved), Operation = operation,
                });
            yield return OutcomeDerivation.Derive(operation);
        }
    }

    private int? Parent(string? caseId) => caseId is not null && _operationIndex.TryGetValue(caseId, out var i) ? i : null;

    private ushort Code(string? text)
    {
        if (text is null) return 0;
        if (_codeIndex.TryGetValue(text, out var code)) return code;
        if (_codes.Count >= ushort.MaxValue) throw new InvalidOperationException("more distinct codes than the analysis sheet's inputs can hold");
        _codes.Add(text);
        return _codeIndex[text] = (ushort)_codes.Count;
    }

    private string? Text(ushort code) => code == 0 ? null : _codes[code - 1];

    private static int Day(DateOnly? date) => date?.DayNumber ?? NoDate;

    private static DateOnly? Date(int day) => day == NoDate ? null : DateOnly.FromDayNumber(day);

    private Groups<T> Grouped<T>(List<T> rows, Func<T, int> operation)
    {
        // A counting sort by operation, stable: each operation's children keep the order of their sheet.
        var start = new int[_operations.Count + 1];
        foreach (var row in rows) start[operation(row) + 1]++;
        for (var i = 0; i < _operations.Count; i++) start[i + 1] += start[i];
        var next = (int[])start.Clone();
        var sorted = new T[rows.Count];
        foreach (var row in rows) sorted[next[operation(row)]++] = row;
        rows.Clear();
        rows.TrimExcess();
        return new Groups<T>(sorted, start);
    }

    private readonly record struct Groups<T>(T[] Rows, int[] Start)
    {
        public ArraySegment<T> Of(int operation) => new(Rows, Start[operation], Start[operation + 1] - Start[operation]);
    }

    private readonly record struct OperationInput(string CaseId, string PatientId, ushort Site, ushort Indication, ushort SurgeonCode,
        ushort LsrIntraop, ushort VesselOp, ushort VesselPrimary, int Birth, int Surgery, int Discharge,
        decimal PtaDbPreop, bool HasPtaDbPreop, int SdsPctPreop, bool HasSdsPctPreop);

    private readonly record struct ImagingInput(int Operation, ushort NvcDetected, ushort VesselImg);

    private readonly record struct VisitInput(int Operation, int Visit, ushort HfsStatus, ushort BniPain);

    private readonly record struct ComplicationInput(int Operation, ushort Type, int Onset, ushort ClavienDindo, ushort Resolved);
}
