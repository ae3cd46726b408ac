using System.Reflection;
using System.Text.Json.Serialization;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.Web.Api.Contracts;

namespace MvdRegistry.IntegrationTests.Api;

public sealed class FormRecordsTests
{
    public static TheoryData<string> AllForms => new(Forms.All);

    [Theory]
    [MemberData(nameof(AllForms))]
    public void Every_dictionary_variable_is_a_property_of_the_forms_input_and_output(string form)
    {
        foreach (var suffix in new[] { "Input", "Record" })
        {
            var type = ApiType(form, suffix);
            var properties = type.GetProperties().ToDictionary(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name);
            var missing = DataDictionary.Instance.Form(form)
                .Where(v => !properties.TryGetValue(v.Name, out var p) || TypeName(p.PropertyType) != FormRecordSource.ClrType(v.Type))
                .Select(v => v.Name)
                .ToList();
            Assert.True(missing.Count == 0, $"{type.Name} lacks (or mistypes) {string.Join(", ", missing)}: write the form records again ({FormRecordSource.RelativePath(form)})");
        }
    }

    [Theory]
    [MemberData(nameof(AllForms))]
    public void The_committed_form_records_are_what_the_dictionary_writes(string form)
    {
        var path = Path.Combine(Paths.RepositoryRoot, FormRecordSource.RelativePath(form));
        var expected = FormRecordSource.Generate(form);
        if (Environment.GetEnvironmentVariable("MVD_WRITE_FORM_RECORDS") == "1") File.WriteAllText(path, expected);

        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";

        Assert.True(expected == committed,
            $"{FormRecordSource.RelativePath(form)} is stale: run MVD_WRITE_FORM_RECORDS=1 tests/run.sh --filter \"FullyQualifiedName~FormRecordsTests\"");
    }

    private static Type ApiType(string form, string suffix) =>
        typeof(RegistryFormAttribute).Assembly.GetType($"MvdRegistry.Web.Api.Contracts.{FormRecordSource.TypeNames[form]}{suffix}")
        ?? throw new InvalidOperationException($"no {FormRecordSource.TypeNames[form]}{suffix} in the web project");

    private static string TypeName(Type type) =>
        Nullable.GetUnderlyingType(type) is { } inner ? TypeName(inner) + "?"
        : type == typeof(string) ? "string?"
        : type == typeof(string[]) ? "string[]?"
        : type.Name switch { "Int32" => "int", "Decimal" => "decimal", _ => type.Name };
}
