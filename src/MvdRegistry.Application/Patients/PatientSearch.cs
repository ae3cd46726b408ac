using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Users;
using MvdRegistry.Data;

namespace MvdRegistry.Application.Patients;

/// <summary>What a search for a patient found, or why it found nothing.</summary>
/// <param name="Exact">The patient whose key or MRN is the term (any letter case).</param>
/// <param name="Matches">Without an exact match: the first <see cref="PatientSearch.Shown"/> patients whose MRN or key contains the term.</param>
/// <param name="Total">How many patients matched in all.</param>
/// <param name="Message">Said when nothing is shown: no match, or the term is too short to search by part.</param>
public sealed record PatientSearchResult(PatientSummary? Exact, IReadOnlyList<PatientSummary> Matches, int Total, string? Message);

/// <summary>
/// Finds a returning patient by MRN or patient key, in the sites granted to the user and nowhere else:
/// another site's patient is never found, whatever is typed. The full MRN or key (any letter case)
/// finds that patient; at least <see cref="MinimumPart"/> characters find the patients whose MRN or key
/// contains them (the first <see cref="Shown"/>, by key); anything shorter is refused with a message
/// asking for more, so that a search is never a listing of the site.
/// </summary>
public static class PatientSearch
{
    public const int MinimumPart = 4;
    public const int Shown = 10;

    /// <summary>The longest term searched: no key or MRN is longer (the dictionary allows 32 and 20 characters).</summary>
    public const int MaximumLength = 64;

    public static async Task<PatientSearchResult> FindAsync(RegistryDbContext db, IActingUser user, string? term, CancellationToken ct = default)
    {
        term = term?.Trim() ?? "";
        if (term.Length == 0) return new PatientSearchResult(null, [], 0, "Type the patient's MRN or key.");
        if (term.Length > MaximumLength) return new PatientSearchResult(null, [], 0, $"An MRN or key is at most {MaximumLength} characters.");
        var upper = term.ToUpperInvariant();
        var granted = Granted(db, user);

        var exact = await granted.Where(p => p.PatientId.ToUpper() == upper || p.Mrn!.ToUpper() == upper)
            .Select(p => p.PatientId).Take(2).ToListAsync(ct);
        // One patient's key can be another's MRN only across sites; then both are listed for the user to choose.
        if (exact.Count == 1) return new PatientSearchResult((await SummariesAsync(db, exact, ct))[0], [], 1, null);
        if (exact.Count == 0 && term.Length < MinimumPart)
            return new PatientSearchResult(null, [], 0,
                $"No patient has the MRN or key {term} in your sites. To search by part of an MRN or key, type at least {MinimumPart} characters.");

        var matching = granted.Where(p => p.PatientId.ToUpper().Contains(upper) || p.Mrn!.ToUpper().Contains(upper));
        var total = await matching.CountAsync(ct);
        if (total == 0) return new PatientSearchResult(null, [], 0, $"No patient's MRN or key contains {term} in your sites.");
        var ids = await matching.OrderBy(p => p.PatientId).Select(p => p.PatientId).Take(Shown).ToListAsync(ct);
        return new PatientSearchResult(null, await SummariesAsync(db, ids, ct), total, null);
    }

    /// <summary>The summary of the patient with this key, when they belong to a site granted to the user.</summary>
    public static async Task<PatientSummary?> SummaryAsync(RegistryDbContext db, IActingUser user, string? patientId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(patientId)) return null;
        var id = patientId.Trim();
        var found = await Granted(db, user).Where(p => p.PatientId == id).Select(p => p.PatientId).ToListAsync(ct);
        return found.Count == 1 ? (await SummariesAsync(db, found, ct))[0] : null;
    }

    /// <summary>The patients of the sites granted to the user; none for a user who never sees identified data.</summary>
    private static IQueryable<Core.Model.Patient> Granted(RegistryDbContext db, IActingUser user)
    {
        if (!user.IsSurgeon && !user.IsAdministrator) return db.Patients.Where(_ => false);
        var sites = user.Sites.ToList();
        return db.Patients.AsNoTracking().Where(p => sites.Contains(p.SiteCode!));
    }

    private static async Task<List<PatientSummary>> SummariesAsync(RegistryDbContext db, List<string> ids, CancellationToken ct)
    {
        var patients = await db.Patients.AsNoTracking().Where(p => ids.Contains(p.PatientId))
            .Select(p => new { p.PatientId, p.SiteCode, p.Mrn, p.BirthDate, p.Sex, p.ConsentStatus }).ToListAsync(ct);
        var operations = (await db.Operations.AsNoTracking().Where(o => ids.Contains(o.PatientId))
                .Select(o => new { o.PatientId, o.CaseId, o.SurgeryDate, o.Indication, o.Side }).ToListAsync(ct))
            .ToLookup(o => o.PatientId);
        return patients.OrderBy(p => p.PatientId, StringComparer.Ordinal).Select(p => new PatientSummary(
                p.PatientId, p.SiteCode, p.Mrn, p.BirthDate, p.Sex, p.ConsentStatus,
                operations[p.PatientId].OrderBy(o => o.SurgeryDate).ThenBy(o => o.CaseId, StringComparer.Ordinal)
                    .Select(o => new PreviousOperation(o.CaseId, o.SurgeryDate, o.Indication, o.Side)).ToList()))
            .ToList();
    }
}
