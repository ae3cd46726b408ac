using System.Reflection;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Web.Api.Contracts;

/// <summary>
/// Between the API's typed records and the registry: an input becomes the raw columns that a form post
/// or a bundle row carries (so RecordCodec checks it exactly as it checks those), and an entity becomes
/// an output record.
/// </summary>
public static class FormColumns
{
    public static string FormOf(Type contract) =>
        contract.GetCustomAttribute<RegistryFormAttribute>()?.Form ?? throw new ArgumentException($"{contract.Name} is not a form record");

    /// <summary>The input's values as raw columns; a multi-choice code that is not the variable's is an issue.</summary>
    public static Dictionary<string, string?> ToColumns(object input, List<FieldIssue> issues)
    {
        var type = input.GetType();
        var row = new Dictionary<string, string?>();
        foreach (var variable in DataDictionary.Instance.Form(FormOf(type)))
        {
            var value = Property(type, variable).GetValue(input);
            if (variable.Type != VariableType.Multi)
            {
                row[variable.Name] = value is null ? null : RecordCodec.Format(value);
                continue;
            }
            var codes = (string[]?)value;
            foreach (var unknown in codes?.Where(c => !variable.HasCode(c)) ?? [])
                issues.Add(new FieldIssue(variable.Name, $"'{unknown}' is not one of the choices ({string.Join(", ", variable.Choices.Select(c => c.Code))})"));
            foreach (var choice in variable.Choices)
                row[variable.Name + Variable.MultiSeparator + choice.Code] = codes is null ? null : codes.Contains(choice.Code) ? "1" : "0";
        }
        return row;
    }

    /// <summary>An entity as its form's output record: multi-choice values as arrays of codes.</summary>
    public static TRecord ToRecord<TRecord>(RegistryRecord entity) where TRecord : IRecordOutput, new()
    {
        object record = new TRecord();
        var type = typeof(TRecord);
        foreach (var variable in DataDictionary.Instance.Form(FormOf(type)))
        {
            var value = FieldAccess.Get(entity, variable);
            if (variable.Type == VariableType.Multi && value is string joined)
                value = joined.Split('|', StringSplitOptions.RemoveEmptyEntries);
            Property(type, variable).SetValue(record, value);
        }
        type.GetProperty(nameof(IRecordOutput.Version))!.SetValue(record, entity.Version);
        type.GetProperty(nameof(IRecordOutput.CreatedAt))!.SetValue(record, DateTime.SpecifyKind(entity.CreatedAt, DateTimeKind.Utc));
        type.GetProperty(nameof(IRecordOutput.UpdatedAt))!.SetValue(record, DateTime.SpecifyKind(entity.UpdatedAt, DateTimeKind.Utc));
        return (TRecord)record;
    }

    private static PropertyInfo Property(Type type, Variable variable) =>
        type.GetProperty(variable.PropertyName) ?? throw new InvalidOperationException($"{type.Name} has no property for {variable.Form}.{variable.Name}");
}
