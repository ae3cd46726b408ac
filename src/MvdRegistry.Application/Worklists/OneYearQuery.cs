using MvdRegistry.Core.Model;
using MvdRegistry.Core.Outcomes;

namespace MvdRegistry.Application.Worklists;

/// <summary>
/// The one-year visit of <see cref="OneYearVisit"/> as a database filter: an operation has one when a
/// visit falls from day <see cref="OneYearVisit.WindowStart"/> to day <see cref="OneYearVisit.WindowEnd"/>
/// after surgery (what <see cref="OperationOutcome.HasOneYearVisit"/> says of a loaded operation).
/// </summary>
public static class OneYearQuery
{
    public static IQueryable<Operation> WithoutOneYearVisit(this IQueryable<Operation> operations) =>
        operations.Where(o => !o.FollowUps.Any(f => f.VisitDate >= o.SurgeryDate!.Value.AddDays(OneYearVisit.WindowStart)
                                                     && f.VisitDate <= o.SurgeryDate!.Value.AddDays(OneYearVisit.WindowEnd)));
}
