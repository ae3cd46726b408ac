using MvdRegistry.Core.Outcomes;

namespace MvdRegistry.Core.Statistics.Snapshot;

/// <summary>
/// success_1y of HFS operations on age, sex, symptom duration, LSR, vertebral artery and prior
/// botulinum toxin (OUTCOMES.md, Statistics item 7). When the fit fails, Status says why and the
/// numbers are null. Covariance (the coefficients' covariance matrix, rows in the order of TermNames)
/// and DataRange (the ages and symptom durations the model was fitted on) serve predictions for one
/// patient (<see cref="LogisticPrediction"/>); snapshots stored before they existed read back without them.
/// </summary>
public sealed record LogisticSection(
    int N,
    int Events,
    bool Converged,
    LogisticStatus Status,
    IReadOnlyList<LogisticTerm>? Terms,
    double? Deviance,
    double? Aic,
    double? EventsPerVariable,
    bool LowEventsPerVariable,
    IReadOnlyList<double[]>? Covariance = null,
    LogisticDataRange? DataRange = null)
{
    public static readonly string[] TermNames =
        ["intercept", "age_per_10y", "male", "symptom_duration_per_year", "lsr_disappeared", "vessel_va", "botox_prior"];

    /// <summary>Below this many events per predictor the estimates are flagged as unreliable.</summary>
    public const double MinEventsPerVariable = 10;

    public static LogisticSection Build(IReadOnlyList<OperationOutcome> hfs)
    {
        var rows = new List<double[]>();
        var outcomes = new List<bool>();
        LogisticDataRange? range = null;
        foreach (var o in hfs)
        {
            if (Covariates(o) is not { } x || o.Success1y is not { } success) continue;
            rows.Add(x);
            outcomes.Add(success);
            range = LogisticDataRange.Widen(range, o.AgeAtSurgery!.Value, o.Operation.SymptomDurationMonths!.Value);
        }

        var fit = LogisticRegression.Fit(rows, outcomes, TermNames);
        var predictors = TermNames.Length - 1;
        double? epv = rows.Count > 0 ? (double)Math.Min(fit.Events, fit.N - fit.Events) / predictors : null;
        return new LogisticSection(
            fit.N, fit.Events, fit.Converged, fit.Status, fit.Terms, fit.Deviance, fit.Aic,
            epv, epv < MinEventsPerVariable, fit.Covariance, range);
    }

    /// <returns>The design row (intercept first); null unless every covariate is present.</returns>
    public static double[]? Covariates(OperationOutcome o)
    {
        double? male = o.Patient?.Sex switch { Codes.Male => 1, Codes.Female => 0, _ => null };
        double? botox = o.Operation.BotoxPrior switch { Codes.Yes => 1, Codes.No => 0, _ => null };
        if (o.AgeAtSurgery is not { } age || male is null || o.Operation.SymptomDurationMonths is not { } months
            || o.LsrDisappeared is not { } lsr || o.VesselVa is not { } va || botox is null)
            return null;
        return Row(age, male == 1, months, lsr, va, botox == 1);
    }

    /// <summary>The design row of one profile, in the order of <see cref="TermNames"/>.</summary>
    public static double[] Row(double age, bool male, double symptomDurationMonths, bool lsrDisappeared, bool vesselVa, bool botoxPrior) =>
        [1, age / 10.0, male ? 1 : 0, symptomDurationMonths / 12.0, lsrDisappeared ? 1 : 0, vesselVa ? 1 : 0, botoxPrior ? 1 : 0];
}

/// <summary>The youngest and oldest age at surgery (years) and shortest and longest symptom duration (months) the model was fitted on.</summary>
public sealed record LogisticDataRange(int AgeMin, int AgeMax, int DurationMonthsMin, int DurationMonthsMax)
{
    public static LogisticDataRange Widen(LogisticDataRange? range, int age, int months) => range is null
        ? new LogisticDataRange(age, age, months, months)
        : new LogisticDataRange(Math.Min(range.AgeMin, age), Math.Max(range.AgeMax, age),
            Math.Min(range.DurationMonthsMin, months), Math.Max(range.DurationMonthsMax, months));
}
