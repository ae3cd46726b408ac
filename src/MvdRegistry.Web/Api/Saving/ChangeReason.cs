namespace MvdRegistry.Web.Api.Saving;

public static class ChangeReason
{
    /// <summary>The request header that may carry the reason for a change instead of the body's "reason".</summary>
    public const string Header = "X-Change-Reason";
}
