using System.Reflection;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Core.Records;

/// <summary>Reads and writes an entity's value of a dictionary variable by the variable's name.</summary>
public static class FieldAccess
{
    private static readonly Dictionary<(string Form, string Name), PropertyInfo> Properties = Build();

    public static Type EntityType(string form) => form switch
    {
        Forms.Patient => typeof(Patient),
        Forms.Case => typeof(Operation),
        Forms.Imaging => typeof(ImagingStudy),
        Forms.FollowUp => typeof(FollowUp),
        Forms.Complication => typeof(Complication),
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, "unknown form"),
    };

    public static string FormOf(RegistryRecord record) => record switch
    {
        Patient => Forms.Patient,
        Operation => Forms.Case,
        ImagingStudy => Forms.Imaging,
        FollowUp => Forms.FollowUp,
        Complication => Forms.Complication,
        _ => throw new ArgumentOutOfRangeException(nameof(record), record.GetType().Name, "not a registry form"),
    };

    public static object? Get(RegistryRecord record, Variable variable) =>
        Properties[(variable.Form, variable.Name)].GetValue(record);

    public static void Set(RegistryRecord record, Variable variable, object? value) =>
        Properties[(variable.Form, variable.Name)].SetValue(record, value);

    public static string Key(RegistryRecord record) => (string)Get(record, DataDictionary.Instance.Get(FormOf(record), Forms.KeyColumn(FormOf(record))))!;

    private static Dictionary<(string, string), PropertyInfo> Build()
    {
        var map = new Dictionary<(string, string), PropertyInfo>();
        foreach (var v in DataDictionary.Instance.Variables)
        {
            map[(v.Form, v.Name)] = EntityType(v.Form).GetProperty(v.PropertyName)
                ?? throw new InvalidOperationException($"{EntityType(v.Form).Name} has no property {v.PropertyName} for {v.Form}.{v.Name}");
        }
        return map;
    }
}
