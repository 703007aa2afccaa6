using StudyPortal.Importer.Formats;
using StudyPortal.Importer.Model;
using StudyPortal.Importer.Quotations;

namespace StudyPortal.Importer.Structure;

/// <summary>
/// The constructs a body line can be, tried in this order (as markdig tries its block parsers): the first rule that
/// takes the line decides what it is. The order matters: a column marker before anything, a heading before joining,
/// joining an open sentence before any guess that a short line is a heading, a plain paragraph last.
/// </summary>
internal sealed partial class StructureBuilder
{
    private enum Outcome { NotMine, Next, Stop }

    /// <summary>One body line as the rules see it; a rule that reads further lines moves <see cref="Index"/> on.</summary>
    private sealed class Line(int index, RawBlock block, string text)
    {
        public int Index { get; set; } = index;
        public RawBlock Block { get; } = block;
        public string Text { get; } = text;
        public bool IsShort => Text.Length <= 40;
    }

    private delegate Outcome Rule(StructureBuilder builder, Line line);

    private static readonly (string Name, Rule Apply)[] Rules =
    [
        ("column marker: the rest is other items on the page", (b, l) => b.ColumnMarker(l)),
        ("Markdown or Word heading", (b, l) => b.FormattedHeading(l)),
        ("article marker (材料1)", (b, l) => b.ArticleMarker(l)),
        ("source line", (b, l) => b.SourceLine(l)),
        ("attribution line", (b, l) => b.AttributionLine(l)),
        ("note naming the author (（作者系…）)", (b, l) => b.AuthorNote(l)),
        ("title of the next piece after a source line", (b, l) => b.PieceAfterSource(l)),
        ("press Q&A after the document (答记者问)", (b, l) => b.PressQuestionsTitle(l)),
        ("addressee of a notice (主送：)", (b, l) => b.Addressee(l)),
        ("theme heading over bulleted passages (★ 主题)", (b, l) => b.BulletHeading(l)),
        ("continuation of an open sentence", (b, l) => b.Continuation(l)),
        ("bold line", (b, l) => b.BoldHeading(l)),
        ("signal (信号一)", (b, l) => b.SignalHeading(l)),
        ("signal's title beside it", (b, l) => b.SignalTitle(l)),
        ("numbered heading (一、 第一章)", (b, l) => b.NumberedHeading(l)),
        ("numbered subheading (（一）)", (b, l) => b.NumberedSubheading(l)),
        ("third-level numbered heading (1．) between paragraphs", (b, l) => b.ArabicNumberedHeading(l)),
        ("the subtitle repeated as a heading", (b, l) => b.SubtitleHeading(l)),
        ("lead-in line ending in ——", (b, l) => b.LeadIn(l)),
        ("short line before a paragraph", (b, l) => b.HeadingLikeLine(l)),
        ("paragraph", (b, l) => b.Paragraph(l)),
    ];

    private Outcome ColumnMarker(Line l)
    {
        if (l.Text[0] is not ('■' or '□' or '▌' or '◆') || !LinePatterns.ColumnMarker().IsMatch(l.Text) || _current is null || _current.IsEmpty
            || BulletsFollow(l.Index, l.Text[0]))
            return Outcome.NotMine;
        DropRest(l.Index, l.Text);
        return Outcome.Stop;
    }

    private Outcome FormattedHeading(Line l)
    {
        if (l.Block.HeadingLevel is not int level) return Outcome.NotMine;
        OnMarkdownHeading(l.Block, level);
        return Outcome.Next;
    }

    private Outcome ArticleMarker(Line l)
    {
        if (!l.IsShort || !LinePatterns.ArticleMarker().IsMatch(l.Text)) return Outcome.NotMine;
        _dropped.Add(new DroppedBlock(l.Block.Markdown ?? l.Block.Text, l.Block.Line, l.Block.Line, "article marker"));
        l.Index = OnArticleMarker(l.Index);
        return Outcome.Next;
    }

    private Outcome SourceLine(Line l)
    {
        var source = l.IsShort ? LinePatterns.SourceLine().Match(l.Text) : System.Text.RegularExpressions.Match.Empty;
        if (!source.Success) return Outcome.NotMine;
        _dropped.Add(new DroppedBlock(l.Block.Markdown ?? l.Block.Text, l.Block.Line, l.Block.Line, "source line"));
        OnSourceLine(source.Groups["name"].Value.Trim(), LinePatterns.SourceDate(source), l.Block.Line);
        return Outcome.Next;
    }

    private Outcome AttributionLine(Line l)
    {
        var looksLikeOne = l.Text.StartsWith("——", StringComparison.Ordinal) || l.Text[0] is '（' or '(' && l.Text.Length <= 80;
        if (!looksLikeOne || AttributionLineParser.TryParse(l.Text) is not { } attribution) return Outcome.NotMine;
        OnAttribution(attribution, l.Block);
        return Outcome.Next;
    }

    /// <summary>`★ 坚持绿色发展` above `● 要…。` passages: a short bulleted line without a sentence is a theme heading.</summary>
    private Outcome BulletHeading(Line l)
    {
        var bullet = LinePatterns.Bullet().Match(l.Text);
        if (!bullet.Success) return Outcome.NotMine;
        var rest = l.Text[bullet.Length..];
        if (rest.Length is < 2 or > 30 || CjkText.EndsUnit(rest) || CjkText.ContainsSentencePunctuation(rest) || rest.Contains('，') || l.Index + 1 >= _blocks.Count)
            return Outcome.NotMine;
        var next = CjkText.NormalizeBody(_blocks[l.Index + 1].Text);
        if (next.Length <= MaxHeadingLength && !CjkText.ContainsSentencePunctuation(next)) return Outcome.NotMine;
        StartSection(CjkText.NormalizeHeading(rest), 1, l.Block.Line);
        return Outcome.Next;
    }

    private Outcome Continuation(Line l)
    {
        // A bulleted line starts an item of its own; it never continues the sentence before it.
        var target = l.Block.IsListItem || LinePatterns.Bullet().IsMatch(l.Block.Text.TrimStart()) || IsInNumberedRun(l.Index) ? null : JoinTarget(l.Text, l.Block.Line, ContinuesCutLine(l.Index));
        if (target is null) return Outcome.NotMine;
        target.Add(l.Text, l.Block.Markdown, l.Block.Line);
        _justAfterHeading = false;
        return Outcome.Next;
    }

    private Outcome BoldHeading(Line l)
    {
        if (!l.Block.IsBold || l.Text.Length > 60) return Outcome.NotMine;
        StartSection(CjkText.NormalizeHeading(l.Block.Text), 1, l.Block.Line);
        return Outcome.Next;
    }

    private Outcome SignalHeading(Line l)
    {
        if (!l.IsShort || !LinePatterns.SignalHeading().IsMatch(l.Text)) return Outcome.NotMine;
        StartSection(l.Text, 1, l.Block.Line, isSignal: true);
        return Outcome.Next;
    }

    private Outcome SignalTitle(Line l)
    {
        if (!_context.Narrow || !IsSignalTitle(l.Index, l.Text)) return Outcome.NotMine;
        AssignSignalTitle(l.Text, l.Block.Line);
        return Outcome.Next;
    }

    private static string HeadingText(Line l) => l.Text.Length <= 60 ? CjkText.NormalizeHeading(l.Block.Text) : l.Text;

    private Outcome NumberedHeading(Line l)
    {
        var heading = HeadingText(l);
        if (l.Text.Length > 60 || CjkText.EndsUnit(l.Text)
            || !(LinePatterns.ChineseNumberedHeading().IsMatch(l.Text) || LinePatterns.ChapterHeading().IsMatch(heading + " ")))
            return Outcome.NotMine;
        StartSection(heading, 1, l.Block.Line);
        return Outcome.Next;
    }

    private Outcome NumberedSubheading(Line l)
    {
        if (l.Text.Length > MaxHeadingLength || CjkText.EndsUnit(l.Text) || CjkText.ContainsSentencePunctuation(l.Text)
            || !LinePatterns.ParenthesizedNumberedHeading().IsMatch(l.Text))
            return Outcome.NotMine;
        StartSection(HeadingText(l), 2, l.Block.Line);
        return Outcome.Next;
    }

    /// <summary>
    /// `1．总体要求` over a paragraph, in the 公文 order 一、 → （一） → 1．: a heading when it is short, has no sentence,
    /// and stands between paragraphs (a list of short numbered items has another item next to it).
    /// </summary>
    private Outcome ArabicNumberedHeading(Line l)
    {
        if (l.Text.Length > MaxHeadingLength || CjkText.EndsUnit(l.Text) || CjkText.ContainsSentencePunctuation(l.Text)
            || !ArabicNumber().IsMatch(l.Block.Markdown ?? l.Block.Text) || l.Index + 1 >= _blocks.Count)
            return Outcome.NotMine;
        var next = CjkText.NormalizeBody(_blocks[l.Index + 1].Text);
        var previous = l.Index > 0 ? _blocks[l.Index - 1] : null;
        var listNeighbour = previous is not null && (previous.IsListItem || ArabicNumber().IsMatch(previous.Markdown ?? previous.Text)) && !CjkText.ContainsSentencePunctuation(previous.Text)
            || _blocks[l.Index + 1].IsListItem || ArabicNumber().IsMatch(_blocks[l.Index + 1].Markdown ?? _blocks[l.Index + 1].Text);
        if (listNeighbour || next.Length <= MaxHeadingLength && !CjkText.ContainsSentencePunctuation(next)) return Outcome.NotMine;
        StartSection(CjkText.NormalizeHeading(l.Block.Markdown ?? l.Block.Text), 3, l.Block.Line);
        return Outcome.Next;
    }

    /// <summary>A line that starts with a list number next to another that does: an item of a numbered list.</summary>
    private bool IsInNumberedRun(int i)
    {
        bool Numbered(int j) => j >= 0 && j < _blocks.Count && _blocks[j].HeadingLevel is null && LinePatterns.ListNumber().IsMatch(_blocks[j].Text.TrimStart());
        return Numbered(i) && (Numbered(i - 1) || Numbered(i + 1));
    }

    private Outcome SubtitleHeading(Line l)
    {
        if (_context.Subtitle is null || l.Text != CjkText.NormalizeBody(_context.Subtitle)) return Outcome.NotMine;
        StartSection(HeadingText(l), 1, l.Block.Line);
        return Outcome.Next;
    }

    private Outcome LeadIn(Line l)
    {
        if (!l.Text.EndsWith("——", StringComparison.Ordinal) || l.Text.Length > 60 || CjkText.ContainsSentencePunctuation(l.Text)) return Outcome.NotMine;
        AddParagraph(ParagraphKind.Subheading, l.Text, null, l.Block.Line);
        return Outcome.Next;
    }

    private Outcome HeadingLikeLine(Line l)
    {
        if (_context.Narrow || IsInNumberedRun(l.Index) || !IsHeadingLike(l.Index, l.Text)) return Outcome.NotMine;
        StartSection(HeadingText(l), 1, l.Block.Line);
        return Outcome.Next;
    }

    private Outcome Paragraph(Line l)
    {
        // An editor's note (编者按) introduces the piece, as a quoted 编前语 does.
        var kind = l.Block.IsQuote || LinePatterns.EditorsNote().IsMatch(l.Text) ? ParagraphKind.Introduction
            : l.Block.IsListItem ? ParagraphKind.ListItem : ParagraphKind.Body;
        // Numbered lines in a run (`1．…` / `2．…`) are the items of a list: whole on their lines.
        if (kind == ParagraphKind.Body && IsInNumberedRun(l.Index)) kind = ParagraphKind.ListItem;
        // A list typed by hand in Word or a PDF (`- 要着力…`) is the list Markdown would make of it.
        if (kind == ParagraphKind.Body && l.Block.Markdown is null && TypedListMarker().Match(l.Block.Text.TrimStart()) is { Success: true } marker)
        {
            var item = CjkText.NormalizeBody(l.Block.Text.TrimStart()[marker.Length..]);
            AddParagraph(ParagraphKind.ListItem, item, "- " + item, l.Block.Line);
            return Outcome.Next;
        }
        AddParagraph(kind, l.Text, l.Block.Markdown, l.Block.Line);
        return Outcome.Next;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[-–•]\s+(?=\S)")]
    private static partial System.Text.RegularExpressions.Regex TypedListMarker();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{1,2}\s*[．.、]\s*\S")]
    private static partial System.Text.RegularExpressions.Regex ArabicNumber();
}
