using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Core.Tests.Records;

/// <summary>An imported record's values, recovered from its values now and its update rows.</summary>
public sealed class ImportedValuesTests
{
    private static AuditEntry Update(long id, string field, string? old, string? @new) =>
        new() { Id = id, Action = AuditAction.Update, Entity = "case", Key = "C1", Field = field, OldValue = old, NewValue = @new };

    [Fact]
    public void A_record_never_changed_holds_its_imported_values_empty_ones_left_out()
    {
        var now = new Dictionary<string, string> { ["case_id"] = "C1", ["duration_min"] = "157", ["bmi"] = "" };

        var imported = ImportedValues.Recover(now, []);

        Assert.Equal(new Dictionary<string, string> { ["case_id"] = "C1", ["duration_min"] = "157" }, imported);
    }

    [Fact]
    public void Each_field_takes_the_old_value_of_its_earliest_update_whatever_the_rows_order()
    {
        var now = new Dictionary<string, string> { ["case_id"] = "C1", ["duration_min"] = "190", ["blood_loss_ml"] = "", ["bmi"] = "31.2", ["redo"] = "no" };
        AuditEntry[] rows =
        [
            Update(30, "duration_min", "181", "190"),
            Update(12, "duration_min", "157", "181"),
            Update(13, "blood_loss_ml", "87", null),
            Update(31, "bmi", null, "31.2"),
            new() { Id = 5, Action = AuditAction.Insert, Entity = "case", Key = "C1", NewValue = "{}" },
        ];

        var imported = ImportedValues.Recover(now, rows);

        // duration_min: 157 (row 12, not 30); blood_loss_ml cleared later: 87; bmi was empty; redo never changed.
        Assert.Equal(new Dictionary<string, string> { ["case_id"] = "C1", ["duration_min"] = "157", ["blood_loss_ml"] = "87", ["redo"] = "no" }, imported);
    }

    [Fact]
    public void A_delete_rows_created_at_is_no_variable_of_the_dictionary_and_not_among_the_recovered_values()
    {
        Assert.DoesNotContain(Dictionary.DataDictionary.Instance.Variables, v => v.Name == ImportedValues.CreatedAtKey);
        var deleteRow = new Dictionary<string, string> { ["followup_id"] = "F1", [ImportedValues.CreatedAtKey] = "2026-12-02T06:54:14.776034Z" };

        Assert.Equal(new Dictionary<string, string> { ["followup_id"] = "F1" }, ImportedValues.Recover(deleteRow, []));
    }

    [Fact]
    public void An_imports_key_is_its_instant_in_utc_to_the_microsecond()
    {
        var at = new DateTime(2026, 12, 2, 6, 54, 14, DateTimeKind.Utc).AddTicks(7_760_347);

        Assert.Equal("2026-12-02T06:54:14.776034Z", ImportedValues.KeyOf(at));
        Assert.Equal(at.AddTicks(-7), ImportedValues.Truncate(at));
    }

    [Fact]
    public void An_update_row_naming_no_field_and_rows_other_than_updates_are_ignored()
    {
        var now = new Dictionary<string, string> { ["case_id"] = "C1", ["duration_min"] = "190" };
        AuditEntry[] rows =
        [
            new() { Id = 1, Action = AuditAction.Update, Entity = "case", Key = "C1", Field = null, OldValue = "{}", NewValue = "{}" },
            new() { Id = 2, Action = AuditAction.Delete, Entity = "case", Key = "C1", Field = "duration_min", OldValue = "1" },
            new() { Id = 3, Action = AuditAction.Insert, Entity = "case", Key = "C1", Field = "duration_min", OldValue = "2" },
        ];

        Assert.Equal(now, ImportedValues.Recover(now, rows));
    }
}
