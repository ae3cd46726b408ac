using System.Buffers;
using System.Text;

namespace MvdRegistry.Core.Bundle;

public enum CsvFaultKind
{
    /// <summary>A byte sequence that is not UTF-8 (decoded as U+FFFD).</summary>
    NotUtf8,
    /// <summary>A field longer than the reader's maximum; only its beginning is kept.</summary>
    TooLong,
    /// <summary>A quote inside a field that does not begin with one.</summary>
    StrayQuote,
    /// <summary>Text after the closing quote of a quoted field.</summary>
    TextAfterQuote,
    /// <summary>A quoted field still open at the end of the file; the rest of the file is in it.</summary>
    Unterminated,
}

/// <summary>A problem with one field of a record; <see cref="Line"/> is the physical line where it was found.</summary>
public sealed record CsvFault(CsvFaultKind Kind, int Field, int Line);

/// <summary>
/// Reads RFC 4180 records (comma, double quotes, CRLF, LF or CR line ends) one at a time, keeping the
/// physical line on which each record and each field begins, so that a quoted field spanning lines does
/// not shift the numbers of the lines after it. Every field is held to a maximum length, so any file,
/// however malformed, is read in bounded memory and without an exception.
/// </summary>
public sealed class CsvRecordReader(TextReader reader, int maxFieldLength)
{
    private const int End = -1;
    /// <summary>What ends an unquoted value, or sends it to the careful path (a quote, a byte that was not UTF-8).</summary>
    private static readonly SearchValues<char> UnquotedStops = SearchValues.Create(",\r\n\"\uFFFD");
    private readonly char[] _buffer = new char[1 << 16];
    private readonly StringBuilder _field = new();
    private int _position;
    private int _length;
    private int _line = 1;
    private bool _ended;

    /// <summary>The physical line on which the current record begins.</summary>
    public int Line { get; private set; }

    public List<string> Fields { get; } = [];

    /// <summary>The physical line on which each field of the current record begins.</summary>
    public List<int> FieldLines { get; } = [];

    public List<CsvFault> Faults { get; } = [];

    /// <summary>Reads the next record; false at the end of the file (or after an unterminated quote).</summary>
    public bool Read()
    {
        Fields.Clear();
        FieldLines.Clear();
        Faults.Clear();
        if (_ended || Peek() == End) return false;
        Line = _line;
        while (true)
        {
            ReadField();
            switch (Next())
            {
                case ',':
                    continue;
                case '\r':
                    if (Peek() == '\n') Next();
                    _line++;
                    return true;
                case '\n':
                    _line++;
                    return true;
                default:
                    _ended = true;
                    return true;
            }
        }
    }

    private void ReadField()
    {
        var index = Fields.Count;
        FieldLines.Add(_line);
        _field.Clear();
        var tooLong = false;
        var notUtf8 = false;
        void Append(int c)
        {
            if (c == '\uFFFD') notUtf8 = true;
            if (_field.Length < maxFieldLength) _field.Append((char)c);
            else tooLong = true;
        }

        if (Peek() == '"')
        {
            var opened = _line;
            Next();
            while (true)
            {
                var c = Next();
                if (c == End)
                {
                    Faults.Add(new CsvFault(CsvFaultKind.Unterminated, index, opened));
                    _ended = true;
                    break;
                }
                if (c == '"')
                {
                    if (Peek() != '"') break;
                    Next();
                }
                else if (c == '\n' || (c == '\r' && Peek() != '\n'))
                {
                    _line++;
                }
                Append(c);
            }
            if (Peek() is not (',' or '\r' or '\n' or End))
            {
                Faults.Add(new CsvFault(CsvFaultKind.TextAfterQuote, index, _line));
                while (Peek() is not (',' or '\r' or '\n' or End)) Append(Next());
            }
        }
        else
        {
            // The common case, an unquoted value wholly in the buffer with nothing to report: one string,
            // found with a vectorised search, instead of a character at a time through the builder.
            var rest = _buffer.AsSpan(_position, _length - _position);
            var end = rest.IndexOfAny(UnquotedStops);
            if (end >= 0 && end <= maxFieldLength && rest[end] is ',' or '\r' or '\n')
            {
                Fields.Add(end == 0 ? "" : new string(rest[..end]));
                _position += end;
                return;
            }
            var stray = false;
            while (Peek() is not (',' or '\r' or '\n' or End))
            {
                var c = Next();
                stray |= c == '"';
                Append(c);
            }
            if (stray) Faults.Add(new CsvFault(CsvFaultKind.StrayQuote, index, FieldLines[index]));
        }
        if (notUtf8) Faults.Add(new CsvFault(CsvFaultKind.NotUtf8, index, FieldLines[index]));
        if (tooLong) Faults.Add(new CsvFault(CsvFaultKind.TooLong, index, FieldLines[index]));
        Fields.Add(_field.ToString());
    }

    private int Peek()
    {
        if (_position == _length && !Fill()) return End;
        return _buffer[_position];
    }

    private int Next()
    {
        if (_position == _length && !Fill()) return End;
        return _buffer[_position++];
    }

    private bool Fill()
    {
        _length = reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
