using System.Text;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Outcomes;
using static MvdRegistry.Reporting.Export.Deidentified.SpillFile;

namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>
/// What the analysis sheet derives from, written to temporary files (nameless: see SpillFile) as the form sheets'
/// rows pass: one file for the operations (with the patient's site and birth date), one for each of their
/// imaging studies, follow-ups and complications, only the values outcome derivation and the analysis sheet
/// read. Memory stays flat whatever the registry's size (e6c15b8 held the same values in memory: +53% peak
/// from 10,000 to 100,000 patients).
/// The analysis sheet then streams the files together, which needs each operation's children to come together and
/// the operations' groups in the operations' order: the order <see cref="DeidentifiedQuery"/> reads the repeating
/// forms in. A child left over when the operations are done (its sheet in another order) stops the export.
/// An operation's children keep their sheet's order (their key order), as the statistics' loader gives them.
/// An operation's row keeps its key's and its patient's pseudonyms, which the operations sheet has just made
/// (<paramref name="pseudonyms"/> still holds them): the analysis sheet does not make them again.
/// </summary>
/// <param name="folder">Where the files are made (the system's temporary folder by default); none keeps a name there.</param>
public sealed class AnalysisSpill(Pseudonyms pseudonyms, string? folder = null) : IDisposable
{
    private readonly SpillFile _operations = new(folder), _imaging = new(folder), _visits = new(folder), _complications = new(folder);

    /// <summary>Keeps what the analysis sheet needs of a form's row (a patient's row needs nothing: its operation's row brings its site and birth date).</summary>
    public void Add(RegistryRecord record, RowContext context)
    {
        switch (record)
        {
            case Operation o:
                var w = _operations.Writer;
                w.Write(o.CaseId); w.Write(o.PatientId);
                Text(w, context.Site); Text(w, o.Indication); Text(w, o.SurgeonCode); Text(w, o.LsrIntraop); Text(w, o.VesselOp); Text(w, o.VesselPrimary);
                Day(w, context.BirthDate); Day(w, o.SurgeryDate); Day(w, o.DischargeDate);
                w.Write(o.PtaDbPreop.HasValue); if (o.PtaDbPreop is { } pta) w.Write(pta);
                w.Write(o.SdsPctPreop.HasValue); if (o.SdsPctPreop is { } sds) w.Write(sds);
                var keys = AnalysisKeys.Of(o, pseudonyms);
                w.Write(keys.Case); w.Write(keys.Patient);
                break;
            case ImagingStudy s:
                w = _imaging.Writer;
                w.Write(s.CaseId); Text(w, s.NvcDetected); Text(w, s.VesselImg);
                break;
            case FollowUp f:
                w = _visits.Writer;
                w.Write(f.CaseId); Day(w, f.VisitDate); Text(w, f.HfsStatus); Text(w, f.BniPain);
                break;
            case Complication c:
                w = _complications.Writer;
                w.Write(c.CaseId); Text(w, c.ComplicationType); Day(w, c.OnsetDate); Text(w, c.ClavienDindo); Text(w, c.Resolved);
                break;
        }
    }

    /// <summary>Every operation, in the order its row came (the operations sheet's), derived with its children, with its pseudonyms.</summary>
    /// <exception cref="InvalidOperationException">A child sheet's rows did not come grouped by operation in the operations' order.</exception>
    public IEnumerable<(OperationOutcome Outcome, AnalysisKeys Keys)> Outcomes()
    {
        var imaging = new Children(_imaging.Read());
        var visits = new Children(_visits.Read());
        var complications = new Children(_complications.Read());
        var operations = _operations.Read();
        while (operations.More)
        {
            var operation = ReadOperation(operations);
            var keys = new AnalysisKeys(operations.ReadString(), operations.ReadString(), pseudonyms);
            var id = operation.CaseId;
            for (var r = imaging.Of(id); r is not null; r = imaging.Of(id))
                operation.Imaging.Add(new ImagingStudy { CaseId = id, NvcDetected = Text(r), VesselImg = Text(r), Operation = operation });
            for (var r = visits.Of(id); r is not null; r = visits.Of(id))
                operation.FollowUps.Add(new FollowUp { CaseId = id, VisitDate = Day(r), HfsStatus = Text(r), BniPain = Text(r), Operation = operation });
            for (var r = complications.Of(id); r is not null; r = complications.Of(id))
                operation.Complications.Add(new Complication
                {
                    CaseId = id, ComplicationType = Text(r), OnsetDate = Day(r), ClavienDindo = Text(r), Resolved = Text(r), Operation = operation,
                });
            yield return (OutcomeDerivation.Derive(operation), keys);
        }
        foreach (var (child, rows) in new[] { ("imaging", imaging), ("followups", visits), ("complications", complications) })
            if (rows.Left) throw new InvalidOperationException($"the {child} sheet's rows did not come grouped by operation in the operations' order");
    }

    /// <summary>A child file read row by row, each row's operation key read once, ahead of its values.</summary>
    private sealed class Children(SpillFile.Reading reader)
    {
        private string? _next;
        private bool _read;

        /// <summary>Whether a row is left that no operation took.</summary>
        public bool Left => Next() is not null;

        /// <summary>The reader at the values of the next row when that row is <paramref name="caseId"/>'s (the row is then taken); null when not.</summary>
        public SpillFile.Reading? Of(string caseId)
        {
            if (Next() != caseId) return null;
            _read = false;
            return reader;
        }

        private string? Next()
        {
            if (!_read) (_next, _read) = (reader.More ? reader.ReadString() : null, true);
            return _next;
        }
    }

    private static Operation ReadOperation(BinaryReader r)
    {
        var operation = new Operation { CaseId = r.ReadString(), PatientId = r.ReadString() };
        var site = Text(r);
        operation.Indication = Text(r); operation.SurgeonCode = Text(r); operation.LsrIntraop = Text(r);
        operation.VesselOp = Text(r); operation.VesselPrimary = Text(r);
        var birth = Day(r);
        operation.SurgeryDate = Day(r); operation.DischargeDate = Day(r);
        operation.PtaDbPreop = r.ReadBoolean() ? r.ReadDecimal() : null;
        operation.SdsPctPreop = r.ReadBoolean() ? r.ReadInt32() : null;
        operation.Patient = new Patient { PatientId = operation.PatientId, SiteCode = site, BirthDate = birth };
        return operation;
    }

    private static void Text(BinaryWriter w, string? text)
    {
        w.Write(text is not null);
        if (text is not null) w.Write(text);
    }

    private static string? Text(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    public void Dispose()
    {
        _operations.Dispose(); _imaging.Dispose(); _visits.Dispose(); _complications.Dispose();
    }
}
