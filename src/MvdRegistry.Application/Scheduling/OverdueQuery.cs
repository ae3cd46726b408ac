using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Outcomes;
using MvdRegistry.Core.Statistics.Snapshot;

namespace MvdRegistry.Application.Scheduling;

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
    /// The targets more than 30 days past form a prefix of the schedule, fixed by the surgery date; the
    /// next target (the first more than 14 days after the last visit) lies in that prefix exactly when
    /// the prefix's last target T has no visit on or after day T - 14. So: one clause per range of
    /// surgery dates (sargable on its index), and in each a single NOT EXISTS on that operation's visits.
    /// </summary>
    public static IQueryable<Operation> Overdue(this IQueryable<Operation> operations, DateOnly today)
    {
        var lastOnTime = today.AddDays(-(FollowUpSchedule.GraceDays + 1));
        var targets = FollowUpSchedule.TargetDays;
        Expression? any = null;
        var o = Expression.Parameter(typeof(Operation), "o");
        for (var i = 0; i < targets.Length; i++)
        {
            // Operated on or before this date: target i is more than 30 days past; after the next bound, target i + 1 is not.
            var pastBy = (DateOnly?)lastOnTime.AddDays(-targets[i]);
            var nextPastBy = i + 1 < targets.Length ? (DateOnly?)lastOnTime.AddDays(-targets[i + 1]) : null;
            var countsFrom = targets[i] - FollowUpSchedule.CountsForTargetWithinDays;
            Expression<Func<Operation, bool>> clause = op => op.SurgeryDate <= pastBy
                && (nextPastBy == null || op.SurgeryDate > nextPastBy)
                && !op.FollowUps.Any(f => f.VisitDate >= op.SurgeryDate!.Value.AddDays(countsFrom));
            var body = ReplacingExpressionVisitor.Replace(clause.Parameters[0], o, clause.Body);
            any = any is null ? body : Expression.OrElse(any, body);
        }
        return operations.ExpectingFollowUp().Where(Expression.Lambda<Func<Operation, bool>>(any!, o));
    }
}
