using System.Linq.Expressions;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Outcomes;
using MvdRegistry.Core.Statistics.Snapshot;

namespace MvdRegistry.Web.Scheduling;

/// <summary>
/// The overdue rule of <see cref="FollowUpSchedule"/> (OUTCOMES.md, Statistics item 9) as a database
/// filter, so that lists can filter and page 100,000 operations without loading their visits.
/// </summary>
public static class OverdueQuery
{
    /// <summary>
    /// Operations the schedule still applies to: a surgery date, consent not withdrawn (nobody chases a
    /// patient who left the registry) and no recorded death.
    /// </summary>
    public static IQueryable<Operation> ExpectingFollowUp(this IQueryable<Operation> operations) =>
        operations.Where(o => o.SurgeryDate != null
            && o.Patient!.ConsentStatus != Codes.Withdrawn
            && !o.Complications.Any(c => c.ComplicationType == Codes.Death));

    /// <summary>
    /// Operations whose next visit target is more than 30 days past as of <paramref name="today"/>.
    /// The next target is the first one more than 14 days after the last visit, so the operation is
    /// overdue exactly when some target T has no visit on or after day T - 14 and surgery + T lies
    /// more than 30 days back: one such clause per target, each an indexed NOT EXISTS on the visits.
    /// </summary>
    public static IQueryable<Operation> Overdue(this IQueryable<Operation> operations, DateOnly today)
    {
        var lastOnTime = today.AddDays(-(FollowUpSchedule.GraceDays + 1));
        Expression? any = null;
        var o = Expression.Parameter(typeof(Operation), "o");
        foreach (var target in FollowUpSchedule.TargetDays)
        {
            var operatedBy = (DateOnly?)lastOnTime.AddDays(-target);
            var countsFrom = target - FollowUpSchedule.CountsForTargetWithinDays;
            Expression<Func<Operation, bool>> clause = op => op.SurgeryDate <= operatedBy
                && !op.FollowUps.Any(f => f.VisitDate >= op.SurgeryDate!.Value.AddDays(countsFrom));
            var body = new Rebind(clause.Parameters[0], o).Visit(clause.Body);
            any = any is null ? body : Expression.OrElse(any, body);
        }
        return operations.ExpectingFollowUp().Where(Expression.Lambda<Func<Operation, bool>>(any!, o));
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
