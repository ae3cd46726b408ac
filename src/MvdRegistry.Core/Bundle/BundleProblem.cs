namespace MvdRegistry.Core.Bundle;

/// <summary>A problem found in a bundle file, printed as <c>file:line: column: message</c>.</summary>
public sealed record BundleProblem(string File, int Line, string Column, string Message)
{
    public override string ToString() => Column.Length == 0 ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: {Column}: {Message}";
}
