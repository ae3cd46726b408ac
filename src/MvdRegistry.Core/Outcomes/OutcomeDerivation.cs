using MvdRegistry.Core.Model;

namespace MvdRegistry.Core.Outcomes;

/// <summary>Derives every per-operation variable of OUTCOMES.md from an operation and its linked rows.</summary>
public static class OutcomeDerivation
{
    public static OperationOutcome Derive(Operation operation)
    {
        var surgery = operation.SurgeryDate;
        var visits = Visits(operation, surgery);
        int? lastFuDay = visits.Length > 0 ? visits[^1].Day : null;
        var hfs = operation.Indication == Codes.Hfs ? HfsCourse.From(visits) : HfsCourse.Empty;
        var oneYearVisit = OneYearVisit.Select(visits);
        var status1y = Status1y(operation.Indication, oneYearVisit);
        var complications = Classify(operation.Complications, surgery, lastFuDay);

        return new OperationOutcome
        {
            Operation = operation,
            AgeAtSurgery = Age.AtSurgery(operation.Patient?.BirthDate, surgery),
            LosDays = DaysBetween(surgery, operation.DischargeDate),
            LastFuDay = lastFuDay,
            GrClassPreop = GardnerRobertson.Classify(operation.PtaDbPreop, operation.SdsPctPreop),
            Visits = visits,
            HasOneYearVisit = oneYearVisit is not null,
            ImmediateResolution = hfs.ImmediateResolution,
            FirstResolutionDay = hfs.FirstResolutionDay,
            DelayedResolution = hfs.DelayedResolution,
            Status1y = status1y,
            Complete1y = operation.Indication == Codes.Hfs && status1y is not null ? status1y == Codes.Resolved : null,
            Success1y = Success(operation.Indication, status1y),
            Recurrence = hfs.Recurrence,
            RecurrenceDay = hfs.RecurrenceDay,
            LsrDisappeared = operation.LsrIntraop switch { "disappeared" => true, "persisted" => false, _ => null },
            VesselVa = operation.VesselOp is null ? null : Codes.MultiHas(operation.VesselOp, Codes.VertebralArtery),
            ImagingConcordant = ImagingConcordance.Of(operation),
            Complications = complications,
            AnyPermanent = complications.Any(c => c.Class == ComplicationClass.Permanent),
            Major = complications.Any(c => c.IsMajor),
            Death30d = complications.Any(c => c.IsDeathWithin30Days),
            HasDeath = complications.Any(c => c.Type == Codes.Death),
        };
    }

    /// <summary>day(x): calendar days from surgery to x, surgery day being 0.</summary>
    public static int? DaysBetween(DateOnly? surgery, DateOnly? date) =>
        surgery is { } s && date is { } d ? d.DayNumber - s.DayNumber : null;

    private static Visit[] Visits(Operation operation, DateOnly? surgery)
    {
        if (surgery is null || operation.FollowUps.Count == 0) return [];
        var visits = new Visit[operation.FollowUps.Count];
        var count = 0;
        foreach (var followUp in operation.FollowUps)
            if (DaysBetween(surgery, followUp.VisitDate) is { } day) visits[count++] = new Visit(followUp, day);
        if (count < visits.Length) Array.Resize(ref visits, count);
        Array.Sort(visits, (a, b) => a.Day.CompareTo(b.Day));
        return visits;
    }

    private static ClassifiedComplication[] Classify(List<Complication> complications, DateOnly? surgery, int? lastFuDay)
    {
        if (complications.Count == 0) return [];
        var classified = new ClassifiedComplication[complications.Count];
        for (var i = 0; i < classified.Length; i++)
        {
            var c = complications[i];
            classified[i] = new ClassifiedComplication(c, ComplicationClassifier.Classify(c, lastFuDay), DaysBetween(surgery, c.OnsetDate));
        }
        return classified;
    }

    private static string? Status1y(string? indication, Visit? visit) =>
        visit is not { } v ? null
        : indication == Codes.Hfs ? v.FollowUp.HfsStatus
        : Codes.IsPain(indication) ? v.FollowUp.BniPain
        : null;

    private static bool? Success(string? indication, string? status1y)
    {
        if (status1y is null) return null;
        return indication == Codes.Hfs ? Codes.IsHfsSuccess(status1y) : Codes.IsPainSuccess(status1y);
    }
}
