using System.Linq.Expressions;
using System.Reflection;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Core.Records;

/// <summary>Reads and writes an entity's value of a dictionary variable by the variable's name.</summary>
public static class FieldAccess
{
    /// <summary>A property's compiled getter and setter (reflection's GetValue and SetValue cost several times more per call).</summary>
    private sealed record Accessor(Func<RegistryRecord, object?> Get, Action<RegistryRecord, object?> Set);

    private static readonly Dictionary<(string Form, string Name), Accessor> ByName = Build();

    /// <summary>The dictionary's own variables, found by reference: no hashing of their names on every call.</summary>
    private static readonly Dictionary<Variable, Accessor> ByVariable = DataDictionary.Instance.Variables
        .ToDictionary<Variable, Variable, Accessor>(v => v, v => ByName[(v.Form, v.Name)], ReferenceEqualityComparer.Instance);

    private static readonly Dictionary<string, Variable> Keys = Forms.All.ToDictionary(f => f, f => DataDictionary.Instance.Get(f, Forms.KeyColumn(f)));

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

    public static object? Get(RegistryRecord record, Variable variable) => Of(variable).Get(record);

    public static void Set(RegistryRecord record, Variable variable, object? value) => Of(variable).Set(record, value);

    public static string Key(RegistryRecord record) => (string)Get(record, Keys[FormOf(record)])!;

    private static Accessor Of(Variable variable) =>
        ByVariable.TryGetValue(variable, out var accessor) ? accessor : ByName[(variable.Form, variable.Name)];

    private static Dictionary<(string, string), Accessor> Build()
    {
        var map = new Dictionary<(string, string), Accessor>();
        foreach (var v in DataDictionary.Instance.Variables)
        {
            var property = EntityType(v.Form).GetProperty(v.PropertyName)
                ?? throw new InvalidOperationException($"{EntityType(v.Form).Name} has no property {v.PropertyName} for {v.Form}.{v.Name}");
            map[(v.Form, v.Name)] = Compile(property);
        }
        return map;
    }

    private static Accessor Compile(PropertyInfo property)
    {
        var record = Expression.Parameter(typeof(RegistryRecord), "record");
        var value = Expression.Parameter(typeof(object), "value");
        var typed = Expression.Convert(record, property.DeclaringType!);
        var get = Expression.Lambda<Func<RegistryRecord, object?>>(
            Expression.Convert(Expression.Property(typed, property), typeof(object)), record).Compile();
        var set = Expression.Lambda<Action<RegistryRecord, object?>>(
            Expression.Assign(Expression.Property(typed, property), Expression.Convert(value, property.PropertyType)), record, value).Compile();
        return new Accessor(get, set);
    }
}
