using StudyPortal.Importer.Formats;
using StudyPortal.Importer.Model;
using StudyPortal.Importer.Quotations;

namespace StudyPortal.Importer.Structure;

/// <summary>
/// Turns the body's blocks into articles, sections and paragraphs: rejoins sentences that layout split,
/// recognises headings of every kind, places fragments of interleaved articles, and attaches attribution lines.
/// </summary>
internal sealed partial class StructureBuilder
{
    private const int MaxHeadingLength = 40;

    /// <summary>The reason given for text dropped as other items on a newspaper page.</summary>
    public const string UnrelatedItems = "other items on the newspaper page";

    private readonly IReadOnlyList<RawBlock> _blocks;
    private readonly StructureContext _context;
    private readonly List<Diagnostic> _diagnostics;
    private readonly List<DroppedBlock> _dropped;
    private readonly List<ArticleBuilder> _articles = [];
    private ArticleBuilder? _current;
    private bool _justAfterHeading;
    private bool _stayUntilSignal;
    private bool _pieceMayFollow;
    private int? _articleLevel;
    private int? _secondaryArticleLevel;
    private int _sectionBaseLevel = 1;

    public StructureBuilder(IReadOnlyList<RawBlock> blocks, StructureContext context, List<Diagnostic> diagnostics, List<DroppedBlock> dropped)
    {
        _blocks = blocks;
        _context = context;
        _diagnostics = diagnostics;
        _dropped = dropped;
    }

    public List<ArticleBuilder> Build()
    {
        DetermineHeadingLevels();
        for (var i = 0; i < _blocks.Count; i++)
        {
            var text = CjkText.NormalizeBody(_blocks[i].Text);
            if (text.Length == 0) continue;
            var line = new Line(i, _blocks[i], text);
            var outcome = Outcome.Next;
            foreach (var (_, rule) in Rules)
            {
                outcome = rule(this, line);
                if (outcome != Outcome.NotMine) break;
            }
            if (outcome == Outcome.Stop) break;
            i = line.Index;
        }
        ReportOpenEnds();
        return _articles;
    }

    private void DetermineHeadingLevels()
    {
        var headings = _blocks.Where(b => b.HeadingLevel is not null).ToList();
        if (headings.Count == 0) return;
        var h1Titles = headings.Where(b => b.HeadingLevel == 1).Select(b => b.Text).Distinct().Count();
        var levels = headings.Select(b => b.HeadingLevel!.Value).ToHashSet();
        // Under a title of its own (Word's Title style), a single top-level heading is a section, not an article.
        if (h1Titles == 0 || _context.TitledApart && h1Titles == 1)
        {
            _sectionBaseLevel = levels.Min();
            return;
        }
        _articleLevel = 1;
        _sectionBaseLevel = 2;
        // One H1 titles the document and its first article; with three levels, each H2 is a further article and H3 its sections.
        if (h1Titles == 1 && levels.Contains(2) && levels.Contains(3))
        {
            _secondaryArticleLevel = 2;
            _sectionBaseLevel = 3;
        }
    }

    private void OnMarkdownHeading(RawBlock block, int level)
    {
        var title = CjkText.NormalizeHeading(block.Text);
        if (level == _articleLevel || level == _secondaryArticleLevel)
        {
            var existing = _articles.FirstOrDefault(a => a.Title == title);
            if (existing is not null)
            {
                _current = existing;
                _stayUntilSignal = false;
                _diagnostics.Add(Diagnostic.Create(DiagnosticLevel.Info, block.Line, "article-continues", "The article “{0}” continues here (line {1}).", title, block.Line));
            }
            else
            {
                StartArticle(title, block.Line);
            }
            _justAfterHeading = true;
            return;
        }
        StartSection(title, Math.Max(1, level - _sectionBaseLevel + 1), block.Line);
    }

    private int OnArticleMarker(int i)
    {
        var markerLine = _blocks[i].Line;
        string title;
        var next = i + 1 < _blocks.Count ? _blocks[i + 1] : null;
        if (next is not null && next.Text.Length <= 150 && !CjkText.EndsUnit(next.Text) && !LinePatterns.ArticleMarker().IsMatch(next.Text.Trim()))
        {
            title = CjkText.NormalizeHeading(next.Text);
            i++;
        }
        else
        {
            title = CjkText.NormalizeHeading(_blocks[i].Text);
            _diagnostics.Add(Diagnostic.Create(DiagnosticLevel.Warning, markerLine, "marker-without-title", "Article marker at line {0} has no title line; the marker is used as the title.", markerLine));
        }

        var confirmed = _context.TableOfContents?.Confirm(title);
        if (confirmed is not null && confirmed != title)
        {
            _diagnostics.Add(Diagnostic.Create(DiagnosticLevel.Info, markerLine, "title-from-contents",
                "Title at line {0} “{1}” replaced by the table of contents' “{2}” (same text, cleaner layout).", markerLine + 2, title, confirmed));
            title = confirmed;
        }
        else if (confirmed is null && _context.TableOfContents is { Entries.Count: > 0 })
        {
            _diagnostics.Add(Diagnostic.Create(DiagnosticLevel.Warning, markerLine, "title-not-in-contents", "Title “{0}” is not in the table of contents.", title));
        }
        StartArticle(title, markerLine);
        return i;
    }

    private void OnSourceLine(string name, PartialDate? date, int line)
    {
        var article = _current ?? StartArticle(_context.DocumentTitle, line);
        if (date is { } d && article.Date is null) (article.Date, article.DateLine) = (d, line);
        if (name.Length == 0) return;
        if (article.Source is null) article.Source = name;
        else if (article.Source != name)
            _diagnostics.Add(Diagnostic.Create(DiagnosticLevel.Warning, line, "second-source", "A second source line “{0}” in “{1}”; the first (“{2}”) is kept.", name, article.Title, article.Source));

        // After an article's text, a source line ends it: what follows may be the next piece.
        _pieceMayFollow = !_context.Interleaved && article.Sections.Any(s => s.Paragraphs.Count > 0);
        // In interleaved text a source line ends its article; the text goes on with the other one.
        if (_context.Interleaved)
        {
            _stayUntilSignal = false;
            article.Closed = true;
            _current = _articles.LastOrDefault(a => !a.Closed) ?? article;
        }
    }

    private void OnAttribution(AttributionLineParser.Attribution attribution, RawBlock block)
    {
        var section = _current?.CurrentSection;
        var paragraphIndex = section is null ? -1 : section.Paragraphs.FindLastIndex(p => p.Kind != ParagraphKind.Subheading);
        if (section is null || paragraphIndex < 0 || paragraphIndex != section.Paragraphs.Count - 1)
        {
            _diagnostics.Add(Diagnostic.Create(DiagnosticLevel.Warning, block.Line, "attribution-alone", "Attribution line with no passage before it; kept as a paragraph."));
            AddParagraph(ParagraphKind.Body, CjkText.NormalizeBody(block.Text), null, block.Line);
            return;
        }
        var paragraph = section.Paragraphs[paragraphIndex];
        paragraph.Kind = ParagraphKind.Quotation;
        var speaker = attribution.Speaker ?? _context.DefaultSpeaker;
        section.Quotations.Add((paragraphIndex, new QuotationCandidate("", speaker, attribution.Date, attribution.DateEnd, attribution.Occasion)));
        _justAfterHeading = false;
    }

    /// <summary>The open paragraph this body line continues, if any; in interleaved text, possibly another article's.</summary>
    private bool IsHeadingLike(int i, string text)
    {
        if (text.Length < 4 || text.Length > MaxHeadingLength || CjkText.EndsUnit(text) || CjkText.ContainsSentencePunctuation(text)) return false;
        if (CjkText.OpenQuotes(text) != 0 || text.EndsWith("——", StringComparison.Ordinal)) return false;
        if (i + 1 >= _blocks.Count) return false;
        // A line as long as the hard wrap's width was cut there: its sentence goes on.
        if (_context.WrapWidth is int width && _blocks[i].Width >= width - 1) return false;
        var next = _blocks[i + 1];
        if (next.HeadingLevel is not null || next.IsBold) return false;
        var nextText = CjkText.NormalizeBody(next.Text);
        if (TitleBlockReader.StartsWithClosingPunctuation(nextText)) return false;
        return nextText.Length > MaxHeadingLength || CjkText.ContainsSentencePunctuation(nextText);
    }

    /// <summary>In a newspaper page a signal's short title line stands next to it (before or after), never inside a sentence.</summary>
    private bool IsSignalTitle(int i, string text)
    {
        if (text.Length > 20 || text.AsSpan().IndexOfAny("，。、；：！？,.;:“”") >= 0) return false;
        var previousIsSignal = i > 0 && LinePatterns.SignalHeading().IsMatch(_blocks[i - 1].Text.Trim());
        var nextIsSignal = i + 1 >= _blocks.Count || LinePatterns.SignalHeading().IsMatch(_blocks[i + 1].Text.Trim());
        return nextIsSignal && (previousIsSignal || _current?.LastParagraph is not { IsOpen: true });
    }

    private void AssignSignalTitle(string text, int line)
    {
        var section = _current?.Sections.LastOrDefault(s => s.IsSignal && !s.HasTitle);
        if (section is null)
        {
            StartSection(text, 1, line);
            return;
        }
        if (section != _current!.Sections[^1] || section.Paragraphs.Count > 0)
            _diagnostics.Add(Diagnostic.Create(DiagnosticLevel.Info, line, "title-line-joined", "Title line {0} “{1}” stands apart from “{2}” (line {3}); joined to it.", line, text, section.Heading, section.Line));
        section.Heading = $"{section.Heading} {text}";
        section.HasTitle = true;
    }

    private ArticleBuilder StartArticle(string title, int line)
    {
        _stayUntilSignal = false;
        var article = new ArticleBuilder(title, line);
        _articles.Add(article);
        _current = article;
        _justAfterHeading = true;
        return article;
    }

    private void StartSection(string heading, int level, int line, bool isSignal = false)
    {
        var article = _current ?? StartArticle(_context.DocumentTitle, line);
        article.Sections.Add(new SectionBuilder(heading, level, line) { IsSignal = isSignal });
        _justAfterHeading = true;
    }

    private void AddParagraph(ParagraphKind kind, string text, string? markdown, int line)
    {
        var article = _current ?? StartArticle(_context.DocumentTitle, line);
        var paragraph = new ParagraphBuilder(kind, line);
        paragraph.Add(text, markdown, line);
        article.CurrentSection.Paragraphs.Add(paragraph);
        _justAfterHeading = false;
    }

    /// <summary>A list of bullets has more lines with the same symbol right after; a column marker stands alone.</summary>
    private bool BulletsFollow(int i, char symbol)
    {
        for (var j = i + 1; j < Math.Min(_blocks.Count, i + 6); j++)
            if (_blocks[j].Text.TrimStart().StartsWith(symbol)) return true;
        return false;
    }

    private void DropRest(int from, string marker)
    {
        var first = _blocks[from].Line;
        var last = _blocks[^1].Line;
        for (var j = from; j < _blocks.Count; j++)
            _dropped.Add(new DroppedBlock(_blocks[j].Markdown ?? _blocks[j].Text, _blocks[j].Line, _blocks[j].Line, UnrelatedItems));
        _diagnostics.Add(Diagnostic.Create(DiagnosticLevel.Warning, first, "page-items-dropped",
            "Lines {0}–{1}, from “{2}” on, are other items on the newspaper page, not part of this material; dropped ({3} blocks).", first, last, marker, _blocks.Count - from));
    }

    private void ReportOpenEnds()
    {
        foreach (var article in _articles)
            foreach (var paragraph in article.Sections.SelectMany(s => s.Paragraphs).Where(p => p.IsOpen))
                _diagnostics.Add(Diagnostic.Create(DiagnosticLevel.Info, paragraph.LastLine, "unfinished-sentence",
                    "Paragraph ending at line {0} in “{1}” stops mid-sentence; its continuation was not found.", paragraph.LastLine, article.Title));
    }
}
