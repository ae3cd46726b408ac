using MvdRegistry.Core.Dictionary;

namespace MvdRegistry.Core.Demo;

/// <summary>
/// A multi-choice variable's answers as the model holds them: codes joined by "|" in dictionary
/// order. Every combination is joined once up front, so 100,000 operations share a few dozen strings
/// instead of allocating one each.
/// </summary>
internal sealed class CodeSet
{
    private readonly string[] _codes;
    private readonly string[] _joined;

    public CodeSet(string form, string variable)
    {
        _codes = DataDictionary.Instance.Get(form, variable).Choices.Select(c => c.Code).ToArray();
        _joined = new string[1 << _codes.Length];
        for (var mask = 0; mask < _joined.Length; mask++)
        {
            _joined[mask] = string.Join('|', _codes.Where((_, i) => (mask & (1 << i)) != 0));
        }
    }

    public int Bit(string code)
    {
        var index = Array.IndexOf(_codes, code);
        return index >= 0 ? 1 << index : throw new ArgumentException($"{code} is not a code of this variable", nameof(code));
    }

    public bool Has(int mask, string code) => (mask & Bit(code)) != 0;

    public string Join(int mask) => _joined[mask];
}
