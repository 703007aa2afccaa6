using StudyPortal.Importer.Model;

namespace StudyPortal.Importer.Structure;

/// <summary>Joining: which open paragraph a body line continues, across blank lines, page breaks, hard wraps and interleaved columns.</summary>
internal sealed partial class StructureBuilder
{
    /// <summary>
    /// In hard-wrapped text a line cut at the wrap's width goes on in the next line whatever it ends with (a sentence
    /// can end exactly at the cut); a blank line between them still ends the paragraph where blank lines mean something.
    /// </summary>
    private bool ContinuesCutLine(int i) =>
        _context.WrapWidth is int width && i > 0 && _blocks[i - 1].Width >= width - 1
        && (_blocks[i - 1].Line + 1 == _blocks[i].Line || _context.BlankLinesEverywhere)
        && !_blocks[i].IsBold && !_blocks[i].Text.StartsWith("——", StringComparison.Ordinal);

    private ParagraphBuilder? JoinTarget(string text, int line, bool continuesCutLine = false)
    {
        if (_current is null) return null;
        var last = _current.LastParagraph;
        var closingStart = TitleBlockReader.StartsWithClosingPunctuation(text);
        if (_context.Interleaved && last is { IsOpen: true } && !_justAfterHeading && !_stayUntilSignal)
        {
            // Columns alternate: a fragment after one article's open sentence finishes the other article's.
            var other = _articles.LastOrDefault(a => a != _current && !a.Closed && a.LastParagraph is { IsOpen: true });
            if (other is not null)
            {
                _diagnostics.Add(Diagnostic.Create(DiagnosticLevel.Warning, line, "column-joined",
                    "Line {0} continues the sentence at line {1} of “{2}”, interrupted by the other article's column; joined there.", line, other.LastParagraph!.LastLine, other.Title));
                _current = other;
                // The fragment opened the other article's column: its text goes on there until a heading or source line says otherwise.
                _stayUntilSignal = true;
                return other.LastParagraph;
            }
        }
        if (last is not null && (last.IsOpen || closingStart && last.Kind != ParagraphKind.Subheading
                                 || continuesCutLine && last.Kind is ParagraphKind.Body or ParagraphKind.Introduction && last.LastLine < line))
        {
            // Every join across a blank line (a page or column break) is reported; in narrow columns joining is the rule, said once.
            if (!_context.Narrow && last.LastLine + 1 < line && !closingStart)
                _diagnostics.Add(Diagnostic.Create(DiagnosticLevel.Info, line, "sentence-joined", "Sentence split by the layout at line {0} joined with line {1}.", last.LastLine, line));
            return last;
        }
        if (_context.Interleaved && _justAfterHeading && last is null
            && _articles.FirstOrDefault(a => a != _current && a.LastParagraph is { IsOpen: true }) is { } waiting)
        {
            _diagnostics.Add(Diagnostic.Create(DiagnosticLevel.Warning, line, "may-continue",
                "Line {0} may continue “{1}” (its sentence at line {2} is unfinished); kept where it stands.", line, waiting.Title, waiting.LastParagraph!.LastLine));
        }
        return null;
    }
}
