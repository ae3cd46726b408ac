using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Records;
using MvdRegistry.Web.Api.Contracts;

namespace MvdRegistry.Web.Api.OpenApi;

/// <summary>
/// Describes each form record's properties from the data dictionary, at the time the document is
/// asked for: label, notes, when it applies and whether it is required, its codes as an enum, its range.
/// </summary>
public sealed class DictionarySchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var form = context.JsonTypeInfo.Type.GetCustomAttribute<RegistryFormAttribute>()?.Form;
        if (form is null || schema.Properties is null) return Task.CompletedTask;
        foreach (var property in schema.Properties.Values.OfType<OpenApiSchema>()) NumbersOnly(property);
        foreach (var variable in DataDictionary.Instance.Form(form))
        {
            if (!schema.Properties.TryGetValue(variable.Name, out var found) || found is not OpenApiSchema property) continue;
            property.Description = Describe(variable);
            var codes = Codes(variable);
            var target = variable.Type == VariableType.Multi ? property.Items as OpenApiSchema : property;
            if (codes.Count > 0 && target is not null)
            {
                var values = codes.Select(c => (JsonNode?)JsonValue.Create(c)).ToList();
                // A single value may be null (not answered, not applicable); an array's items may not.
                if (variable.Type != VariableType.Multi) values.Add(null);
                target.Enum = values!;
            }
            if (variable.Type is VariableType.Integer or VariableType.Decimal)
            {
                if (variable.Min.Length > 0) property.Minimum = variable.Min;
                if (variable.Max.Length > 0) property.Maximum = variable.Max;
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// The API reads numbers as JSON numbers only (JsonBody), but the schema exporter describes a nullable
    /// number as "number or numeric string" whatever the type's number handling says: say what is read.
    /// </summary>
    private static void NumbersOnly(OpenApiSchema property)
    {
        if (property.Type is not { } type || !type.HasFlag(JsonSchemaType.String)) return;
        if (!type.HasFlag(JsonSchemaType.Integer) && !type.HasFlag(JsonSchemaType.Number)) return;
        property.Type = type & ~JsonSchemaType.String;
        property.Pattern = null;
    }

    private static IReadOnlyList<string> Codes(Variable variable) => variable.Type switch
    {
        VariableType.Choice or VariableType.Multi or VariableType.YesNo => variable.Answers.Select(c => c.Code).ToList(),
        _ => [],
    };

    private static string Describe(Variable v)
    {
        var parts = new List<string> { v.Label + "." };
        if (v.Choices.Count > 0)
            parts.Add("Codes: " + string.Join("; ", v.Choices.Select(c => $"{c.Code} = {c.Label}")) + ".");
        if (v.Type == VariableType.Multi)
            parts.Add("An array of the codes that hold; [] for none; null when not answered.");
        if (v.Type == VariableType.Date)
            parts.Add("yyyy-MM-dd" + (v.Min.Length + v.Max.Length > 0 ? $", from {Or(v.Min, "any date")} to {Or(v.Max, "any date")}." : "."));
        parts.Add(v.Required switch
        {
            Requirement.Yes => "Required.",
            Requirement.Applies => $"Required when it applies: when {Applicability.Describe(v)}.",
            _ when v.AppliesWhen is not ("" or "all") => $"Applies only when {Applicability.Describe(v)}; otherwise leave it null.",
            _ => "Optional.",
        });
        if (v.Notes.Length > 0) parts.Add(v.Notes.TrimEnd('.') + ".");
        return string.Join(" ", parts);
    }

    private static string Or(string value, string fallback) => value.Length > 0 ? value : fallback;
}
