using StudyPortal.Importer.Model;

namespace StudyPortal.Importer.Editing;

/// <summary>
/// A stored document's tree opened for correction: mutable, each section carrying its key and each paragraph its
/// quotations, so that an edit never has to renumber the importer's index-based links. <see cref="ToParsed"/> gives
/// the tree back with the keys in document order: untouched sections keep theirs, a new section gets one from
/// <see cref="NewKey"/>, derived from the section it came from so that replaying the edit gives the same key.
/// </summary>
public sealed class EditableDocument
{
    public const int MaxHeadingLength = 500;
    public const int MaxParagraphLength = 20_000;
    public const int MaxNameLength = 200;

    public string FileName { get; set; } = "";
    public string Encoding { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Subtitle { get; set; }
    public string? Series { get; set; }
    public string? Issuer { get; set; }
    public string? Date { get; set; }
    public List<Article> Articles { get; set; } = [];
    public List<DroppedBlock> Dropped { get; set; } = [];
    public List<Diagnostic> Diagnostics { get; set; } = [];

    public sealed class Article
    {
        public string Title { get; set; } = "";
        public string? Source { get; set; }
        public string? Author { get; set; }
        public List<Section> Sections { get; set; } = [];
    }

    public sealed class Section
    {
        public string Key { get; set; } = "";
        public string Heading { get; set; } = "";
        public int Level { get; set; }
        public int Line { get; set; }
        public List<Paragraph> Paragraphs { get; set; } = [];
    }

    public sealed class Paragraph
    {
        public string Text { get; set; } = "";
        public string? Markdown { get; set; }
        public ParagraphKind Kind { get; set; }
        public int FirstLine { get; set; }
        public int LastLine { get; set; }
        public List<Quotation> Quotations { get; set; } = [];
    }

    public sealed class Quotation
    {
        public string Text { get; set; } = "";
        public string? Speaker { get; set; }
        public string? Date { get; set; }
        public string? DateEnd { get; set; }
        public string? Occasion { get; set; }
        public string? Theme { get; set; }
        public string? Enumerator { get; set; }
    }

    /// <summary>Makes a key for a new section from a seed (the key of the section it came from and its heading).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Func<string, string> NewKey { get; set; } = seed => throw new InvalidOperationException("No key maker for new sections.");

    public static EditableDocument From(ParsedDocument parsed, IReadOnlyList<string> sectionKeys)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(sectionKeys);
        var document = new EditableDocument
        {
            FileName = parsed.FileName, Encoding = parsed.Encoding, Title = parsed.Title, Subtitle = parsed.Subtitle, Series = parsed.Series,
            Issuer = parsed.Issuer, Date = parsed.Date?.ToIso(), Dropped = [.. parsed.Dropped], Diagnostics = [.. parsed.Diagnostics],
        };
        var position = 0;
        foreach (var article in parsed.Articles)
        {
            var editable = new Article { Title = article.Title, Source = article.Source, Author = article.Author };
            foreach (var section in article.Sections)
            {
                editable.Sections.Add(new Section
                {
                    Key = sectionKeys[position++], Heading = section.Heading, Level = section.Level, Line = section.Line,
                    Paragraphs = section.Paragraphs.Select(p => new Paragraph { Text = p.Text, Markdown = p.Markdown, Kind = p.Kind, FirstLine = p.FirstLine, LastLine = p.LastLine }).ToList(),
                });
            }
            document.Articles.Add(editable);
        }
        foreach (var q in parsed.Quotations)
        {
            var paragraphs = document.Articles[q.Article].Sections[q.Section].Paragraphs;
            if (q.Paragraph >= paragraphs.Count) continue;
            paragraphs[q.Paragraph].Quotations.Add(new Quotation
            {
                Text = q.Text, Speaker = q.Speaker, Date = q.Date?.ToIso(), DateEnd = q.DateEnd?.ToIso(), Occasion = q.Occasion, Theme = q.Theme, Enumerator = q.Enumerator,
            });
        }
        return document;
    }

    /// <summary>The tree in the importer's shape, and each section's key in document order.</summary>
    public (ParsedDocument Document, IReadOnlyList<string> SectionKeys) ToParsed()
    {
        var keys = new List<string>();
        var quotations = new List<ParsedQuotation>();
        var articles = new List<ParsedArticle>();
        for (var a = 0; a < Articles.Count; a++)
        {
            var sections = new List<ParsedSection>();
            for (var s = 0; s < Articles[a].Sections.Count; s++)
            {
                var section = Articles[a].Sections[s];
                keys.Add(section.Key);
                for (var p = 0; p < section.Paragraphs.Count; p++)
                {
                    quotations.AddRange(section.Paragraphs[p].Quotations.Select(q => new ParsedQuotation(q.Text, q.Speaker, PartialDate.FromIso(q.Date),
                        PartialDate.FromIso(q.DateEnd), q.Occasion, q.Theme, a, s, p) { Enumerator = q.Enumerator }));
                }
                sections.Add(new ParsedSection(section.Heading, section.Level,
                    section.Paragraphs.Select(p => new ParsedParagraph(p.Text, p.Markdown, p.Kind, p.FirstLine, p.LastLine)).ToList(), section.Line));
            }
            articles.Add(new ParsedArticle(Articles[a].Title, Articles[a].Source, Articles[a].Author, sections));
        }
        var parsed = new ParsedDocument(FileName, Encoding, Title, Subtitle, Series, Issuer, PartialDate.FromIso(Date), articles, quotations, Dropped, Diagnostics);
        return (parsed, keys);
    }

    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<Section> AllSections => Articles.SelectMany(a => a.Sections);

    /// <summary>Applies one edit, or throws <see cref="StructureEditException"/> and leaves the tree as it was.</summary>
    public EditChange Apply(StructureEdit edit) => StructureEditor.Apply(this, edit);

    internal (Article Article, int ArticleIndex, Section Section, int SectionIndex) Find(string? key)
    {
        for (var a = 0; a < Articles.Count; a++)
        {
            var index = Articles[a].Sections.FindIndex(s => s.Key == key);
            if (index >= 0) return (Articles[a], a, Articles[a].Sections[index], index);
        }
        throw new StructureEditException("SectionGone", $"No section has the key {key}.");
    }

    /// <summary>A key no section of this document has, made from the seed.</summary>
    internal string UniqueKey(string seed)
    {
        var taken = AllSections.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        for (var n = 1; ; n++)
        {
            var key = NewKey($"{seed}\n{n}");
            if (!taken.Contains(key)) return key;
        }
    }
}
