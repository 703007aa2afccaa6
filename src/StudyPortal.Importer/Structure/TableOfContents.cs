using StudyPortal.Importer.Formats;
using StudyPortal.Importer.Model;

namespace StudyPortal.Importer.Structure;

/// <summary>A table of contents found in the text: its entries confirm article titles; its lines are dropped.</summary>
internal sealed class TableOfContents
{
    public List<string> Entries { get; } = [];

    /// <summary>Reads a table of contents starting at <paramref name="start"/>; returns how many blocks it used (0 when there is none).</summary>
    public static int TryRead(IReadOnlyList<RawBlock> blocks, int start, out TableOfContents toc)
    {
        toc = new TableOfContents();
        var i = start;
        var hasHeader = i < blocks.Count && LinePatterns.TocHeader().IsMatch(CjkText.WithoutSpaces(blocks[i].Text));
        if (hasHeader) i++;
        for (; i < blocks.Count; i++)
        {
            var line = blocks[i].Text.Trim();
            if (LinePatterns.ArticleMarker().IsMatch(line)) break;
            var m = LinePatterns.TocEntry().Match(line);
            // An entry too long for its line wraps: its words go on in the next line, which ends in the page number.
            if (!m.Success && (hasHeader || toc.Entries.Count > 0) && line.Length <= 80 && i + 1 < blocks.Count
                && LinePatterns.TocEntry().Match(line + blocks[i + 1].Text.Trim()) is { Success: true } wrapped && LinePatterns.ContentsLeader().IsMatch(blocks[i + 1].Text.TrimEnd()))
            {
                (m, line) = (wrapped, line + blocks[i + 1].Text.Trim());
                i++;
            }
            if (!m.Success || line.Length > 200) break;
            var title = m.Groups["title"].Value.Trim().TrimEnd('.', '．', '·', '…', '⋯', ' ');
            if (title.Length < 2) break;
            toc.Entries.Add(CjkText.NormalizeHeading(title));
        }
        // Without a 目录 header, only a run of three or more entries is a table of contents, not a line ending in a number.
        if (!hasHeader && toc.Entries.Count < 3) return 0;
        return i - start;
    }

    /// <summary>The entry that is the same text as <paramref name="title"/> once layout spaces are ignored.</summary>
    public string? Confirm(string title)
    {
        var compact = CjkText.WithoutSpaces(title);
        return Entries.FirstOrDefault(e => CjkText.WithoutSpaces(e) == compact);
    }
}
