namespace MvdRegistry.Core.Outcomes;

public static class Age
{
    /// <summary>The cap de-identified exports apply: ages of 90 and over are shown as 90.</summary>
    public const int ExportCap = 90;

    /// <summary>
    /// Whole years from <paramref name="birth"/> to <paramref name="on"/>. Comparing (month, day)
    /// means a 29 February birthday is reached on 1 March in common years, as OUTCOMES.md defines.
    /// </summary>
    public static int YearsBetween(DateOnly birth, DateOnly on)
    {
        var years = on.Year - birth.Year;
        var birthdayNotReached = on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day);
        return birthdayNotReached ? years - 1 : years;
    }

    public static int? AtSurgery(DateOnly? birth, DateOnly? surgery) =>
        birth is { } b && surgery is { } s ? YearsBetween(b, s) : null;

    public static int CapForExport(int age) => Math.Min(age, ExportCap);
}
