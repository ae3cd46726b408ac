using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Metadata;

namespace MvdRegistry.Web.Api.Contracts;

/// <summary>
/// A request body of a form's input record, read so that every problem is answered as a validation
/// problem naming the field: a property that is not a variable of the form, a value of the wrong JSON
/// type, a malformed document. (The framework's own binding stops at the first error and names none.)
/// Only application/json is read, which also keeps cross-site form posts out of the cookie-signed API.
/// </summary>
public sealed class JsonBody<T> : IBindableFromHttpContext<JsonBody<T>>, IEndpointParameterMetadataProvider
    where T : class
{
    private static readonly Dictionary<string, PropertyInfo> Members = typeof(T).GetProperties()
        .Where(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() is not null)
        .ToDictionary(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name);

    /// <summary>The API's own reading rules, whatever the app-wide JSON options say: exact names, numbers as numbers.</summary>
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        NumberHandling = JsonNumberHandling.Strict,
    };

    private JsonBody(T? value, Dictionary<string, string[]> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    /// <summary>Field name to messages; empty when <see cref="Value"/> was read.</summary>
    public Dictionary<string, string[]> Errors { get; }

    public static async ValueTask<JsonBody<T>?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        if (!context.Request.HasJsonContentType())
            return Rejected("", "send the record as JSON (Content-Type: application/json)");
        JsonElement document;
        try
        {
            document = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body, Options, context.RequestAborted);
        }
        catch (JsonException e)
        {
            return Rejected("", $"the body is not valid JSON ({e.Message})");
        }
        if (document.ValueKind != JsonValueKind.Object)
            return Rejected("", "the body must be a JSON object of the form's variables");
        if (!IsText(document))
            return Rejected("", "the body is not valid UTF-8 text: a string holds an invalid byte sequence or a lone surrogate escape such as \\ud800");

        var errors = new Dictionary<string, string[]>();
        foreach (var property in document.EnumerateObject())
        {
            if (!Members.TryGetValue(property.Name, out var member))
            {
                errors[property.Name] = [property.Name is "created_at" or "updated_at"
                    ? $"{property.Name} is kept by the registry: leave it out"
                    : $"{property.Name} is not a variable of this form"];
                continue;
            }
            try
            {
                property.Value.Deserialize(member.PropertyType, Options);
            }
            catch (JsonException)
            {
                errors[property.Name] = [$"expected {Expected(member.PropertyType)}, not {Describe(property.Value)}"];
            }
        }
        if (errors.Count > 0) return new JsonBody<T>(null, errors);
        try
        {
            return new JsonBody<T>(document.Deserialize<T>(Options), errors);
        }
        catch (JsonException e)
        {
            return Rejected("", $"the body could not be read as this form's record ({e.Message})");
        }
    }

    /// <summary>
    /// Whether every name and string of the document is text. The parser checks the structure only:
    /// invalid UTF-8 inside a string, or an escaped lone surrogate, fails when the string is read.
    /// </summary>
    private static bool IsText(JsonElement element)
    {
        try
        {
            return element.ValueKind switch
            {
                JsonValueKind.Object => element.EnumerateObject().All(p => p.Name is not null && IsText(p.Value)),
                JsonValueKind.Array => element.EnumerateArray().All(IsText),
                JsonValueKind.String => element.GetString() is not null,
                _ => true,
            };
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Describes the body for OpenAPI: the record as application/json.</summary>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.Metadata.Add(new AcceptsMetadata(["application/json"], typeof(T)));

    private static JsonBody<T> Rejected(string field, string message) => new(null, new() { [field] = [message] });

    private static string Expected(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(DateOnly) => "a date as \"yyyy-MM-dd\" or null",
        var t when t == typeof(int) => "a whole number or null",
        var t when t == typeof(decimal) => "a number or null",
        var t when t == typeof(bool) => "true or false",
        var t when t == typeof(string[]) => "an array of codes or null",
        _ => "a string or null",
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{value.GetString()}\"",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.GetRawText(),
    };
}
