namespace MvdRegistry.Core.Outcomes;

public enum ComplicationClass
{
    Transient,
    Permanent,
    Indeterminate,
}
