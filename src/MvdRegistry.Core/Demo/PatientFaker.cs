using System.Globalization;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Core.Demo;

/// <summary>
/// One patient and their operations: usually one, for about 3% a second one (a redo after failure or
/// recurrence, or the other side), and for about 2% a withdrawal of consent that ends the follow-up.
/// </summary>
internal static class PatientFaker
{
    private static readonly DateOnly FirstSurgery = new(2005, 1, 1);
    private static readonly Mix<string> Indication = new(("HFS", 65), ("TN", 28), ("GPN", 3), ("OTHER", 4));

    public static void Add(DemoContext context, int number)
    {
        var random = context.Random;
        var site = DemoSites.Pick(random);
        var indication = Indication.Pick(random);
        var age = indication switch
        {
            "HFS" => random.NormalInt(55, 11, 20, 85),
            "TN" => random.NormalInt(60, 12, 25, 88),
            "GPN" => random.NormalInt(55, 13, 25, 85),
            _ => random.NormalInt(50, 14, 18, 85),
        };
        var surgery = SurgeryDate(random, context.Today);
        var patient = new Patient
        {
            PatientId = context.NextPatientId(),
            SiteCode = site.Code,
            Mrn = site.Code + Mrn(context, number),
            BirthDate = surgery.AddYears(-age).AddDays(-random.Next(0, 365)),
            Sex = random.Chance(0.003) ? "U" : random.Chance(indication switch { "HFS" => 0.66, "TN" => 0.6, "GPN" => 0.45, _ => 0.5 }) ? "F" : "M",
            Ethnicity = random.Chance(0.97) ? site.Ethnicity.Pick(random) : null,
        };
        SetConsent(random, patient, surgery, context.Today);
        context.Data.Patients.Add(patient);
        var horizon = patient.ConsentWithdrawnDate ?? context.Today;

        var side = indication switch { "HFS" => random.Chance(0.55) ? "L" : "R", "TN" => random.Chance(0.6) ? "R" : "L", _ => random.Chance(0.5) ? "L" : "R" };
        var first = new OperationSpec(indication, side, random.Chance(0.02), surgery, age, null);
        var op = OperationFaker.Create(context, patient, site, first, out var los);
        var course = OperationCourse.Plan(random, op, age, los, context.Today);
        var second = SecondOperation(random, first, op, course, horizon);
        Follow(context, course, second is { } next ? next.Date.AddDays(-1) : horizon);

        if (second is { } spec)
        {
            var redo = OperationFaker.Create(context, patient, site, spec, out var redoLos);
            var redoCourse = OperationCourse.Plan(random, redo, spec.Age, redoLos, context.Today);
            Follow(context, redoCourse, horizon);
            if (redoCourse.DeathDay is not null) course = redoCourse;
        }
        // Nobody withdraws consent for someone who has died: keep the dead patient consented.
        if (course.DeathDay is not null && patient.ConsentStatus == "withdrawn")
            (patient.ConsentStatus, patient.ConsentWithdrawnDate) = ("consented", null);
    }

    private static void Follow(DemoContext context, OperationCourse course, DateOnly end)
    {
        var lastVisit = FollowUpFaker.Add(context, course, end);
        var endDay = end.DayNumber - course.Operation.SurgeryDate!.Value.DayNumber;
        // What happened in hospital is known even when nobody saw the patient again.
        ComplicationFaker.Add(context, course, Math.Max(lastVisit, Math.Min(course.Los, endDay)));
    }

    private static OperationSpec? SecondOperation(Random random, OperationSpec first, Operation op, OperationCourse course, DateOnly horizon)
    {
        if (course.DeathDay is not null) return null;
        OperationSpec? spec = null;
        if (course.FailureDay is { } failed && random.Chance(0.25))
        {
            var date = first.Date.AddDays(failed + random.Between(60, 400));
            var months = (date.DayNumber - first.Date.DayNumber) / 30;
            // Same side, same disease: the symptoms date from the first onset.
            spec = first with { Redo = true, Date = date, Age = first.Age + months / 12, DurationMonths = Math.Min(900, op.SymptomDurationMonths!.Value + months) };
        }
        else if (random.Chance(0.012))
        {
            var date = first.Date.AddDays(random.Between(180, 3000));
            spec = first with { Side = first.Side == "L" ? "R" : "L", Redo = false, Date = date, Age = first.Age + (date.DayNumber - first.Date.DayNumber) / 365 };
        }
        return spec is { } s && s.Date < horizon ? s : null;
    }

    private static void SetConsent(Random random, Patient patient, DateOnly surgery, DateOnly today)
    {
        var followed = today.DayNumber - surgery.DayNumber;
        if (followed >= 60 && random.Chance(0.02))
        {
            patient.ConsentStatus = "withdrawn";
            patient.ConsentWithdrawnDate = surgery.AddDays(random.Between(30, followed));
            return;
        }
        // Patients operated before the registry opened were included retrospectively under a waiver.
        patient.ConsentStatus = surgery.Year < 2010 && random.Chance(0.3) || random.Chance(0.02) ? "waived" : "consented";
    }

    /// <summary>Surgery dates from 2005 to today, more of them recent as the registry grew.</summary>
    private static DateOnly SurgeryDate(Random random, DateOnly today)
    {
        var start = FirstSurgery < today ? FirstSurgery : today;
        var span = today.DayNumber - start.DayNumber;
        return start.AddDays((int)(span * Math.Sqrt(random.NextDouble())));
    }

    // Multiplying by a number coprime with 10^7 is a bijection on 7-digit numbers: MRNs look random
    // but never repeat.
    private static string Mrn(DemoContext context, int number) =>
        ((context.MrnOffset + number * 6_364_137L) % 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
}
