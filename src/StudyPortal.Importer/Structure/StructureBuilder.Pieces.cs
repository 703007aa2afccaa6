using StudyPortal.Importer.Model;

namespace StudyPortal.Importer.Structure;

/// <summary>The rules that tell where one piece ends and the next begins, and the metadata lines around a piece.</summary>
internal sealed partial class StructureBuilder
{
    /// <summary>
    /// In a booklet without 材料 markers, a source line after an article's text ends that article; title lines
    /// followed by a paragraph start the next piece (`来源：新华网` / `习近平在…时强调` / `坚持…` / `…。`).
    /// </summary>
    private Outcome PieceAfterSource(Line l)
    {
        if (!_pieceMayFollow) return Outcome.NotMine;
        _pieceMayFollow = false;
        var titles = new List<string>();
        var j = l.Index;
        for (; j < _blocks.Count && titles.Count < 3; j++)
        {
            var text = CjkText.NormalizeBody(_blocks[j].Text);
            if (_blocks[j].HeadingLevel is not null || !IsPieceTitle(text)) break;
            titles.Add(CjkText.NormalizeHeading(_blocks[j].Text));
        }
        if (titles.Count == 0 || j >= _blocks.Count) return Outcome.NotMine;
        var next = CjkText.NormalizeBody(_blocks[j].Text);
        if (next.Length <= MaxHeadingLength && !CjkText.ContainsSentencePunctuation(next)) return Outcome.NotMine;
        var title = CjkText.NormalizeHeading(string.Join(' ', titles));
        _diagnostics.Add(Diagnostic.Create(DiagnosticLevel.Info, l.Block.Line, "piece-after-source",
            "A source line ended “{0}”; “{1}” (line {2}) starts the next piece.", _current?.Title ?? "", title, l.Block.Line));
        StartArticle(title, l.Block.Line);
        l.Index = j - 1;
        return Outcome.Next;
    }

    /// <summary>`…负责人就《…》答记者问` after the document's text: the Q&A that explains it is its own article.</summary>
    private Outcome PressQuestionsTitle(Line l)
    {
        if (_current is null || _current.IsEmpty || !IsPieceTitle(l.Text) || !LinePatterns.PressQuestions().IsMatch(l.Text)) return Outcome.NotMine;
        _diagnostics.Add(Diagnostic.Create(DiagnosticLevel.Info, l.Block.Line, "press-questions", "“{0}” (line {1}) is a press Q&A: its own article.", l.Text, l.Block.Line));
        StartArticle(CjkText.NormalizeHeading(l.Block.Text), l.Block.Line);
        return Outcome.Next;
    }

    /// <summary>The addressee line of a notice (`各省、自治区、直辖市党委组织部：`) names who it goes to: metadata, not body.</summary>
    private Outcome Addressee(Line l)
    {
        if (_current is { IsEmpty: false } || l.Text.Length > 100 || CjkText.ContainsSentencePunctuation(l.Text) || !LinePatterns.Addressee().IsMatch(l.Text))
            return Outcome.NotMine;
        _dropped.Add(new DroppedBlock(l.Block.Markdown ?? l.Block.Text, l.Block.Line, l.Block.Line, "addressee"));
        _diagnostics.Add(Diagnostic.Create(DiagnosticLevel.Info, l.Block.Line, "addressee", "Line {0} “{1}” names whom the notice is addressed to; kept aside.", l.Block.Line, l.Text));
        return Outcome.Next;
    }

    private static bool IsPieceTitle(string text) =>
        text.Length is >= 4 and <= 60 && !CjkText.EndsUnit(text) && !CjkText.ContainsSentencePunctuation(text) && CjkText.OpenQuotes(text) == 0
        && !LinePatterns.ChineseNumberedHeading().IsMatch(text) && !LinePatterns.ParenthesizedNumberedHeading().IsMatch(text)
        && !LinePatterns.SourceLine().IsMatch(text) && !text.StartsWith("——", StringComparison.Ordinal);

    private Outcome AuthorNote(Line l)
    {
        if (LinePatterns.AuthorNote().Match(l.Text) is not { Success: true } note || _current is null || _current.IsEmpty) return Outcome.NotMine;
        _current.Author ??= note.Groups["author"].Value.Trim();
        _dropped.Add(new DroppedBlock(l.Block.Markdown ?? l.Block.Text, l.Block.Line, l.Block.Line, "author note"));
        return Outcome.Next;
    }
}
