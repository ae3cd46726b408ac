namespace MvdRegistry.Web.Api.Contracts;

/// <summary>Marks a record type whose properties are the variables of one dictionary form.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RegistryFormAttribute(string form) : Attribute
{
    public string Form { get; } = form;
}
