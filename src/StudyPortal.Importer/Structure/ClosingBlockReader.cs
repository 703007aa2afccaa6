using StudyPortal.Importer.Formats;
using StudyPortal.Importer.Model;

namespace StudyPortal.Importer.Structure;

/// <summary>
/// Reads the signature at the end of a notice or letter: the issuing organisation and the date on their own lines
/// (`中共某某市委办公室` / `2024年3月5日`). They are the document's issuer and date, not body text.
/// </summary>
internal static partial class ClosingBlockReader
{
    private const int MaxLines = 3;
    private const int MaxAttachments = 9;

    public sealed record ClosingBlock(string? Issuer, PartialDate? Date, int Consumed, int? DateLine);

    public static ClosingBlock Read(IReadOnlyList<RawBlock> body)
    {
        string? issuer = null;
        PartialDate? date = null;
        int? dateLine = null;
        var consumed = 0;
        for (var i = body.Count - 1; i >= 0 && consumed < MaxLines; i--)
        {
            var block = body[i];
            if (block.HeadingLevel is not null || block.IsListItem) break;
            var compact = CjkText.WithoutSpaces(block.Text);
            var dateMatch = LinePatterns.DateLine().Match(compact);
            if (date is null && issuer is null && dateMatch.Success && TitleBlockReader.ToDate(dateMatch) is { } d)
            {
                (date, dateLine) = (d, block.Line);
            }
            else if (issuer is null && compact.Length <= 40 && LinePatterns.OrganisationLine().IsMatch(compact) && !CjkText.ContainsSentencePunctuation(compact))
            {
                issuer = compact;
            }
            else
            {
                break;
            }
            consumed++;
        }
        // An organisation alone at the end without a date may be the last words of the text; with a date it is a signature.
        if (date is null) return new ClosingBlock(null, null, 0, null);
        // Above the signature, a notice lists its attachments: `附件：1.…` and the numbered lines after it.
        var end = body.Count - consumed;
        for (var i = end - 1; i >= Math.Max(0, end - MaxAttachments - 1); i--)
        {
            var text = CjkText.WithoutSpaces(body[i].Text);
            if (LinePatterns.AttachmentList().IsMatch(text))
            {
                consumed = body.Count - i;
                break;
            }
            if (text.Length > 60 || !AttachmentItem().IsMatch(text)) break;
        }
        // Nothing but a signature would leave no body.
        return consumed >= body.Count ? new ClosingBlock(null, null, 0, null) : new ClosingBlock(issuer, date, consumed, dateLine);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{1,2}\s*[.、．]\S")]
    private static partial System.Text.RegularExpressions.Regex AttachmentItem();
}
