using StudyPortal.Importer.Formats;
using StudyPortal.Importer.Model;
using StudyPortal.Importer.Quotations;
using StudyPortal.Importer.Structure;

namespace StudyPortal.Importer;

/// <summary>
/// The importer's pipeline: bytes and a file name in, a <see cref="ParsedDocument"/> out.
/// Decode → blocks → title block and table of contents → heading halves → structure → quotations.
/// Bad text is reported as diagnostics; only a file that is not readable text throws <see cref="UnreadableDocumentException"/>.
/// </summary>
public sealed class DocumentParser
{
    private const int NarrowLineLength = 16;

    private readonly ImportOptions _options;
    private readonly IReadOnlyList<IBlockReader> _readers;

    public DocumentParser(ImportOptions? options = null, IEnumerable<IBlockReader>? readers = null)
    {
        _options = options ?? new ImportOptions();
        // Judged by content in this order; plain text takes whatever the others do not.
        _readers = readers?.ToList() ?? [new WordBlockReader(_options), new PdfBlockReader(_options), new PlainTextBlockReader()];
    }

    public ParsedDocument Parse(byte[] bytes, string fileName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var name = Path.GetFileName(fileName ?? "");
        if (bytes.Length == 0) throw new UnreadableDocumentException(UnreadableReason.Empty, "the file is empty");
        if (bytes.Length > _options.MaxFileBytes)
            throw new UnreadableDocumentException(UnreadableReason.TooLarge, $"the file is {bytes.Length / 1024.0 / 1024.0:0.#} MB, above the limit of {_options.MaxFileBytes / 1024.0 / 1024.0:0.#} MB");

        var reader = _readers.FirstOrDefault(r => r.CanRead(bytes, name))
            ?? throw new UnreadableDocumentException(UnreadableReason.Unsupported, $"files like “{name}” are not a supported format");
        var stream = reader.Read(bytes);
        if (stream.Blocks.All(b => string.IsNullOrWhiteSpace(b.Text)))
            throw new UnreadableDocumentException(UnreadableReason.NoText, "the file contains no text");
        var characters = stream.Blocks.Sum(b => (long)b.Text.Length);
        if (characters > _options.MaxTextCharacters)
            throw new UnreadableDocumentException(UnreadableReason.TooMuchText, $"the file holds {characters} characters of text, above the limit of {_options.MaxTextCharacters} characters");
        return Structure(name, stream);
    }

    private ParsedDocument Structure(string fileName, BlockStream stream)
    {
        var (blocks, encoding) = (WrappedLineJoiner.Join(stream.Blocks), stream.Encoding);
        var diagnostics = stream.Warnings.ToList();
        var dropped = new List<DroppedBlock>();
        if (stream.EncodingGuessed)
            diagnostics.Add(Diagnostic.Create(DiagnosticLevel.Warning, null, "encoding-guessed", "No byte-order mark or detector confirmed the encoding; read as {0}.", encoding));

        blocks = PageFurniture.Remove(blocks, dropped, diagnostics);
        var titleBlock = TitleBlockReader.Read(blocks);
        var body = blocks.Where((_, i) => !titleBlock.Consumed.Contains(i)).ToList();
        foreach (var (line, text, reason) in titleBlock.SetAside)
        {
            dropped.Add(new DroppedBlock(text, line, line, reason));
            diagnostics.Add(Diagnostic.Create(DiagnosticLevel.Info, line, reason.Replace(' ', '-'), "Line {0} “{1}” by the title is its {2}, not part of the title; set aside.", line, text, reason));
        }

        var closing = ClosingBlockReader.Read(body);
        foreach (var block in body.GetRange(body.Count - closing.Consumed, closing.Consumed))
            dropped.Add(new DroppedBlock(block.Text, block.Line, block.Line, "signature and attachment list"));
        body.RemoveRange(body.Count - closing.Consumed, closing.Consumed);

        var toc = FindTableOfContents(body, dropped, diagnostics);
        body = SplitHeadingMerger.Merge(body, diagnostics, out var merged).ToList();

        var markdownTitle = body.FirstOrDefault(b => b.HeadingLevel is not null)?.Text;
        var documentTitle = titleBlock.Title
            ?? (markdownTitle is not null ? CjkText.NormalizeHeading(markdownTitle) : null)
            ?? FileNameTitle(fileName, diagnostics);
        var narrow = IsNarrow(body);
        if (narrow)
            diagnostics.Add(Diagnostic.Create(DiagnosticLevel.Info, null, "narrow-columns", "Narrow newspaper columns detected: blank lines are ignored and lines are joined into sentences."));

        var context = new StructureContext(documentTitle, titleBlock.Subtitle, toc, merged > 0, narrow, SpeakerOf(documentTitle), WrappedLineJoiner.WrapWidth(body), narrow || BlankLinesEverywhere(body),
            TitledApart: blocks.Count > 0 && blocks[0].IsTitle);
        var articles = new StructureBuilder(body, context, diagnostics, dropped).Build();
        foreach (var article in articles)
        {
            StackedHeadingAligner.Align(article, diagnostics);
            ReadDateline(article);
        }
        // A banner line that turned out to be a numbered heading's title is not the document's subtitle.
        var subtitle = titleBlock.Subtitle is { } sub && articles.Any(a => a.Sections.Any(s => s.IsSignal && s.Heading.EndsWith(" " + sub, StringComparison.Ordinal)))
            ? null : titleBlock.Subtitle;

        var isBooklet = articles.Count > 1 || toc is { Entries.Count: > 0 };
        var series = titleBlock.Series;
        if (articles.Count > 1 && series is not null && articles[0].Title == documentTitle)
        {
            // A booklet of pieces without markers: its series line names the booklet; the first headline is the first piece's.
            (documentTitle, series) = (series, null);
        }
        var issuer = isBooklet ? titleBlock.Organisation : null;
        issuer ??= closing.Issuer;
        var date = titleBlock.Date;
        if (date is null && closing.Date is { } signed)
        {
            date = signed;
            diagnostics.Add(Diagnostic.Create(DiagnosticLevel.Info, closing.DateLine, "date-from-signature", "The document's date {0} is taken from the signature at line {1}.", signed.ToIso(), closing.DateLine));
        }
        if (date is null && articles.FirstOrDefault(a => a.Date is not null) is { } dated)
        {
            date = dated.Date;
            diagnostics.Add(Diagnostic.Create(DiagnosticLevel.Info, dated.DateLine, "date-from-source", "The document's date {0} is taken from the source line at line {1}.", dated.Date!.Value.ToIso(), dated.DateLine));
        }
        if (!isBooklet && articles.Count == 1) articles[0].Author ??= titleBlock.Author ?? titleBlock.Organisation;
        if (articles.Count == 1) articles[0].Source ??= titleBlock.Source;

        ReportLargeDrops(stream.Blocks, dropped, diagnostics);
        var (parsedArticles, quotations) = Assemble(articles, documentTitle, context.DefaultSpeaker);
        if (!parsedArticles.SelectMany(a => a.Sections).Any(s => s.Paragraphs.Count > 0))
            throw new UnreadableDocumentException(UnreadableReason.NoText, $"no body text was found (only a title: “{documentTitle}”)");

        return new ParsedDocument(fileName, encoding, documentTitle, subtitle, series, issuer, date,
            parsedArticles, quotations, dropped, ReviewFlags.Add(parsedArticles, quotations, diagnostics));
    }

    private static TableOfContents? FindTableOfContents(List<RawBlock> body, List<DroppedBlock> dropped, List<Diagnostic> diagnostics)
    {
        // A table of contents sits near the start; look a few blocks in so a stray line before it does not hide it.
        for (var start = 0; start < Math.Min(body.Count, 10); start++)
        {
            var used = TableOfContents.TryRead(body, start, out var toc);
            if (used == 0) continue;
            var first = body[start].Line;
            var last = body[start + used - 1].Line;
            foreach (var block in body.GetRange(start, used))
                dropped.Add(new DroppedBlock(block.Markdown ?? block.Text, block.Line, block.Line, "table of contents"));
            diagnostics.Add(Diagnostic.Create(DiagnosticLevel.Info, first, "contents-dropped", "Table of contents (lines {0}–{1}, {2} entries) dropped; its titles confirm the articles'.", first, last, toc.Entries.Count));
            body.RemoveRange(start, used);
            return toc;
        }
        return null;
    }

    /// <summary>
    /// Dropping is for page furniture and clearly unrelated items. When unrelated items take more than 3 % of the text,
    /// the preview says so prominently, so that an admin sees what the material lost before storing it.
    /// </summary>
    private static void ReportLargeDrops(IReadOnlyList<RawBlock> blocks, List<DroppedBlock> dropped, List<Diagnostic> diagnostics)
    {
        var total = blocks.Sum(b => (long)b.Text.Length);
        var unrelated = dropped.Where(d => d.Reason == StructureBuilder.UnrelatedItems).Sum(d => (long)d.Text.Length);
        if (total == 0 || unrelated * 100 <= total * 3) return;
        var percent = (int)Math.Round(unrelated * 100.0 / total);
        diagnostics.Add(Diagnostic.Create(DiagnosticLevel.Warning, null, "much-dropped",
            "{0} % of the text ({1} characters) was dropped as not part of the material; check the dropped text before storing.", percent, unrelated));
    }

    /// <summary>
    /// A news dateline opening the first paragraph (`新华社北京3月5日电（记者 张三、李四）`) names the source and the
    /// reporters; it stays in the text, as the article printed it.
    /// </summary>
    private static void ReadDateline(ArticleBuilder article)
    {
        var first = article.Sections.SelectMany(s => s.Paragraphs).FirstOrDefault(p => p.Kind == ParagraphKind.Body);
        if (first is null || LinePatterns.Dateline().Match(first.Opening(60)) is not { Success: true } dateline) return;
        if (dateline.Groups["agency"].Value != "本报") article.Source ??= dateline.Groups["agency"].Value;
        if (dateline.Groups["reporters"].Success) article.Author ??= "记者" + dateline.Groups["reporters"].Value.Trim();
    }

    private static string FileNameTitle(string fileName, List<Diagnostic> diagnostics)
    {
        var title = Path.GetFileNameWithoutExtension(fileName);
        diagnostics.Add(Diagnostic.Create(DiagnosticLevel.Warning, null, "title-from-file-name", "The text names no title; the file name “{0}” is used.", title));
        return title;
    }

    /// <summary>A blank line after nearly every line, as some extractions leave: then a blank line says nothing about paragraphs.</summary>
    private static bool BlankLinesEverywhere(List<RawBlock> body)
    {
        if (body.Count < 10) return false;
        var gaps = 0;
        for (var i = 1; i < body.Count; i++)
            if (body[i].Line - body[i - 1].Line >= 2) gaps++;
        return gaps >= (body.Count - 1) * 0.8;
    }

    private static bool IsNarrow(List<RawBlock> body)
    {
        if (body.Count < 30) return false;
        var shortLines = body.Count(b => b.Text.Length <= NarrowLineLength || CountNonSpace(b.Text) <= NarrowLineLength);
        return shortLines >= body.Count * 0.6;
    }

    /// <summary>
    /// A lead-in that layout ran into the paragraph before it (`…根本性转变。共建共享网络文明新风尚——`) becomes a subheading again.
    /// Skipped where attribution lines point at paragraph indexes.
    /// </summary>
    private static List<ParsedParagraph> SplitTrailingLeadIns(IEnumerable<ParsedParagraph> paragraphs, bool keepIndexes)
    {
        var result = new List<ParsedParagraph>();
        foreach (var p in paragraphs)
        {
            var cut = keepIndexes || p.Kind != ParagraphKind.Body || p.Markdown is not null || !p.Text.EndsWith("——", StringComparison.Ordinal)
                ? -1
                : p.Text.LastIndexOfAny(['。', '！', '？']);
            if (cut < 0 || p.Text.Length - cut - 1 > 60)
            {
                result.Add(p);
                continue;
            }
            result.Add(p with { Text = p.Text[..(cut + 1)] });
            result.Add(p with { Text = p.Text[(cut + 1)..], Kind = ParagraphKind.Subheading, FirstLine = p.LastLine });
        }
        return result;
    }

    private static int CountNonSpace(string text)
    {
        var count = 0;
        foreach (var c in text)
            if (!char.IsWhiteSpace(c)) count++;
        return count;
    }

    private string? SpeakerOf(string title) =>
        _options.KnownSpeakers.FirstOrDefault(s => title.StartsWith(s, StringComparison.Ordinal));

    private (List<ParsedArticle>, List<ParsedQuotation>) Assemble(List<ArticleBuilder> articles, string documentTitle, string? defaultSpeaker)
    {
        var finder = new InlineQuotationFinder(_options.KnownSpeakers);
        var parsedArticles = new List<ParsedArticle>();
        var quotations = new List<ParsedQuotation>();
        // The document's title opening an article with nothing under it (`#` title, then `##` articles) is no article.
        foreach (var article in articles.Where(a => a.Sections.Count > 0 || articles.Count == 1 || a.Title != documentTitle || a.Source is not null || a.Author is not null))
        {
            var articleIndex = parsedArticles.Count;
            var sections = new List<ParsedSection>();
            foreach (var section in article.Sections.Where(s => s.Paragraphs.Count > 0 || s.Heading.Length > 0))
            {
                var sectionIndex = sections.Count;
                var paragraphs = SplitTrailingLeadIns(section.Paragraphs.Select(p => p.Build()), section.Quotations.Count > 0);
                var theme = section.Heading.Length > 0 ? section.Heading : null;
                foreach (var (index, candidate) in section.Quotations)
                {
                    var (text, enumerator) = ListedPassage.Split(paragraphs[index]);
                    quotations.Add(new ParsedQuotation(text, candidate.Speaker ?? defaultSpeaker, candidate.Date, candidate.DateEnd,
                        candidate.Occasion, theme, articleIndex, sectionIndex, index) { Enumerator = enumerator });
                }

                var attributed = section.Quotations.Select(q => q.Paragraph).ToHashSet();
                for (var p = 0; p < paragraphs.Count; p++)
                {
                    if (attributed.Contains(p) || paragraphs[p].Kind is not (ParagraphKind.Body or ParagraphKind.ListItem)) continue;
                    if (AttributionLineParser.SplitTrailing(paragraphs[p].Text) is var (passage, trailing) && CjkText.EndsUnit(passage))
                    {
                        // `…。（2021年8月27日，在…上的讲话）`: the brackets attribute the passage before them.
                        paragraphs[p] = paragraphs[p] with { Text = passage, Markdown = null, Kind = ParagraphKind.Quotation };
                        attributed.Add(p);
                        var (text, enumerator) = ListedPassage.Split(paragraphs[p]);
                        quotations.Add(new ParsedQuotation(text, trailing.Speaker ?? defaultSpeaker, trailing.Date, trailing.DateEnd, trailing.Occasion,
                            theme, articleIndex, sectionIndex, p) { Enumerator = enumerator });
                        continue;
                    }
                    if (p + 1 < paragraphs.Count && paragraphs[p + 1].Kind == ParagraphKind.Body
                        && finder.FindLeadIn(paragraphs[p].Text, paragraphs[p + 1].Text) is { } lead)
                    {
                        paragraphs[p + 1] = paragraphs[p + 1] with { Kind = ParagraphKind.Quotation };
                        attributed.Add(p + 1);
                        quotations.Add(new ParsedQuotation(lead.Text, lead.Speaker, lead.Date, null, lead.Occasion, theme, articleIndex, sectionIndex, p + 1));
                        continue;
                    }
                    foreach (var inline in finder.Find(paragraphs[p].Text))
                        quotations.Add(new ParsedQuotation(inline.Text, inline.Speaker, inline.Date, null, inline.Occasion, theme, articleIndex, sectionIndex, p));
                }
                sections.Add(new ParsedSection(section.Heading, section.Level, paragraphs, section.Line));
            }
            parsedArticles.Add(new ParsedArticle(article.Title, article.Source, article.Author, sections));
        }
        // In reading order, whichever rule found them.
        return (parsedArticles, quotations.OrderBy(q => q.Article).ThenBy(q => q.Section).ThenBy(q => q.Paragraph).ToList());
    }
}
