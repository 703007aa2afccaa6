using StudyPortal.Importer.Quotations;
using StudyPortal.Importer.Model;

namespace StudyPortal.Importer.Structure;

/// <summary>A paragraph being assembled from layout lines; its text is normalised once, when it is finished.</summary>
internal sealed partial class ParagraphBuilder(ParagraphKind kind, int line)
{
    private readonly List<string> _pieces = [];
    private readonly List<string?> _markdown = [];

    public ParagraphKind Kind { get; set; } = kind;
    public int FirstLine { get; } = line;
    public int LastLine { get; private set; } = line;
    public string LastPiece => _pieces.Count == 0 ? "" : _pieces[^1];

    /// <summary>True when the text stops mid-sentence, so the next line of body text continues it. A list item is whole on its line.</summary>
    public bool IsOpen => Kind is ParagraphKind.Body or ParagraphKind.Introduction && !CjkText.EndsUnit(LastPiece);

    public void Add(string text, string? markdown, int line)
    {
        _pieces.Add(text);
        _markdown.Add(markdown);
        LastLine = Math.Max(LastLine, line);
    }

    /// <summary>The character bigrams of the paragraph's opening sentences, once computed (blank-chapter repair).</summary>
    public HashSet<string>? OpeningBigrams { get; set; }

    /// <summary>The paragraph's first characters, normalised, without building all of it.</summary>
    public string Opening(int length)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var piece in _pieces)
        {
            sb.Append(piece);
            if (sb.Length >= length * 2) break;
        }
        var text = CjkText.NormalizeBody(sb.ToString());
        return text.Length > length ? text[..length] : text;
    }

    public ParsedParagraph Build()
    {
        // Each piece was normalised when it was read; only the joins need it again.
        var text = _pieces.Count == 1 ? _pieces[0] : CjkText.NormalizeBody(Join(_pieces));
        string? markdown = null;
        if (_markdown.Any(m => m is not null))
        {
            var joined = Join(_pieces.Select((p, i) => _markdown[i] ?? p).ToList());
            // A list marker's space is Markdown syntax, not layout: normalise only what follows it.
            var marker = Kind is ParagraphKind.ListItem or ParagraphKind.Quotation ? ListMarker().Match(joined) : System.Text.RegularExpressions.Match.Empty;
            markdown = marker.Success ? marker.Value + CjkText.NormalizeBody(joined[marker.Length..]) : CjkText.NormalizeBody(joined);
        }
        return new ParsedParagraph(text, markdown, Kind, FirstLine, LastLine);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^([-*+]|\d{1,3}[.)])\s+")]
    private static partial System.Text.RegularExpressions.Regex ListMarker();

    private static string Join(List<string> pieces)
    {
        var sb = new System.Text.StringBuilder(pieces.Sum(p => p.Length + 1));
        foreach (var piece in pieces)
        {
            if (sb.Length > 0 && piece.Length > 0 && char.IsAsciiLetter(sb[^1]) && char.IsAsciiLetter(piece[0])) sb.Append(' ');
            sb.Append(piece);
        }
        return sb.ToString();
    }
}

internal sealed class SectionBuilder(string heading, int level, int line)
{
    public string Heading { get; set; } = heading;
    public int Level { get; } = level;
    public int Line { get; } = line;
    public bool IsSignal { get; init; }
    public bool HasTitle { get; set; }
    public List<ParagraphBuilder> Paragraphs { get; } = [];
    public List<(int Paragraph, QuotationCandidate Quotation)> Quotations { get; } = [];
}

internal sealed class ArticleBuilder(string title, int line)
{
    public string Title { get; set; } = title;
    public int Line { get; } = line;
    public string? Source { get; set; }
    public string? Author { get; set; }

    /// <summary>The date a source line gave (`《人民日报》（2024年03月05日）`) and its line.</summary>
    public PartialDate? Date { get; set; }
    public int DateLine { get; set; }
    public bool Closed { get; set; }
    public List<SectionBuilder> Sections { get; } = [];

    public SectionBuilder CurrentSection
    {
        get
        {
            if (Sections.Count == 0) Sections.Add(new SectionBuilder("", 1, Line));
            return Sections[^1];
        }
    }

    public ParagraphBuilder? LastParagraph => Sections.Count == 0 ? null : Sections[^1].Paragraphs.LastOrDefault();

    public bool IsEmpty => Sections.All(s => s.Paragraphs.Count == 0 && s.Heading.Length == 0);
}
