using MvdRegistry.Core.Dictionary;

namespace MvdRegistry.Web.Entry;

/// <summary>
/// A variable's applies_when as the data-applies-when attribute that wwwroot/js/applies.js reads:
/// "field=code|code" or "field!=code", where the field is one of the form's inputs or a value of the
/// form's data-context (the operation's indication on the forms beneath an operation).
/// </summary>
public static class AppliesRule
{
    public static string? Attribute(Variable variable) => variable.AppliesWhen switch
    {
        "" or "all" => null,
        "hfs" => "indication=HFS",
        "tn" => "indication=TN",
        "pain" => "indication=TN|GPN",
        var rule => rule,
    };
}
