using System.Text.RegularExpressions;
using StudyPortal.Importer.Model;

namespace StudyPortal.Importer.Structure;

/// <summary>
/// No section is left blank. A newspaper page's extraction often stacks headings apart from their bodies
/// (`信号一` and `信号二` after the bodies they head, the bodies under another heading). Each blank heading is
/// realigned with the body block it names, judged by the character bigrams its title shares with the block's opening
/// sentences (`核心技术是国之重器` opens its own body). A heading no body can be matched to is merged into a
/// neighbour as a subheading, and a diagnostic says so.
/// </summary>
internal static partial class StackedHeadingAligner
{
    /// <summary>The share of a title's bigrams that a block's opening must contain to be taken as its body.</summary>
    private const double MinCoverage = 0.5;

    private const int MinSharedBigrams = 2;

    /// <summary>How much of a block's opening is compared: its first sentences, up to this many characters.</summary>
    private const int OpeningLength = 120;

    public static void Align(ArticleBuilder article, List<Diagnostic> diagnostics)
    {
        TitleBareNumberedHeading(article, diagnostics);
        var blank = article.Sections.Where((_, i) => IsBlank(article.Sections, i)).ToList();
        if (blank.Count > 0)
        {
            var provisional = SplitOffForeignOpenings(article);
            MoveBodiesUnderTheirHeadings(article, blank, diagnostics);
            foreach (var run in provisional.Where(article.Sections.Contains))
            {
                // Nothing claimed the opening: it goes back to the heading it was under.
                var owner = article.Sections[article.Sections.IndexOf(run) + 1];
                owner.Paragraphs.InsertRange(0, run.Paragraphs);
                for (var q = 0; q < owner.Quotations.Count; q++)
                    owner.Quotations[q] = (owner.Quotations[q].Paragraph + run.Paragraphs.Count, owner.Quotations[q].Quotation);
                owner.Quotations.AddRange(run.Quotations);
                article.Sections.Remove(run);
            }
        }
        MergeBlankHeadings(article, diagnostics);
    }

    /// <summary>A heading with no text under it and no deeper heading after it (a parent of subsections is not blank).</summary>
    private static bool IsBlank(List<SectionBuilder> sections, int i) =>
        sections[i].Heading.Length > 0 && sections[i].Paragraphs.Count == 0
        && !(i + 1 < sections.Count && sections[i + 1].Level > sections[i].Level);

    /// <summary>
    /// A numbered heading that has only its number (`信号六`) takes the one heading of the article that stands outside
    /// the numbered run (the page's banner line `网络强国战略思想形成`) as its title.
    /// </summary>
    private static void TitleBareNumberedHeading(ArticleBuilder article, List<Diagnostic> diagnostics)
    {
        var numbered = article.Sections.Where(s => s.IsSignal).ToList();
        var bare = numbered.Where(s => !s.HasTitle).ToList();
        var strays = article.Sections.Where(s => !s.IsSignal && s.Heading.Length > 0).ToList();
        if (numbered.Count < 2 || bare.Count != 1 || strays.Count != 1) return;
        var (target, stray) = (bare[0], strays[0]);
        diagnostics.Add(Diagnostic.Create(DiagnosticLevel.Info, stray.Line, "banner-titles-heading",
            "“{0}” (line {1}) has no title of its own; the heading “{2}” that stands outside the numbered run is its title.", target.Heading, target.Line, stray.Heading));
        target.Heading = $"{target.Heading} {stray.Heading}";
        target.HasTitle = true;
        stray.Heading = "";
    }

    /// <summary>
    /// Headings stacked before their bodies leave the last of them holding every body. Where a titled section's own
    /// title is not named by its opening but by a later paragraph, the paragraphs before that one are set apart as an
    /// untitled run that the blank headings may claim.
    /// </summary>
    private static List<SectionBuilder> SplitOffForeignOpenings(ArticleBuilder article)
    {
        var runs = new List<SectionBuilder>();
        foreach (var section in article.Sections.Where(s => s.Heading.Length > 0 && s.Paragraphs.Count >= 2).ToList())
        {
            var title = Bigrams(TitleOf(section.Heading));
            if (title.Count < MinSharedBigrams || Score(title, section.Paragraphs[0]) >= MinCoverage) continue;
            var own = Enumerable.Range(1, section.Paragraphs.Count - 1).FirstOrDefault(p => Score(title, section.Paragraphs[p]) >= MinCoverage);
            if (own == 0) continue;
            var run = new SectionBuilder("", section.Level, section.Paragraphs[0].FirstLine);
            Move(section, 0, own, run);
            article.Sections.Insert(article.Sections.IndexOf(section), run);
            runs.Add(run);
        }
        return runs;
    }

    private static double Score(HashSet<string> title, ParagraphBuilder paragraph)
    {
        var opening = paragraph.OpeningBigrams ??= Bigrams(Opening(paragraph.Opening(OpeningLength)));
        var shared = title.Count(opening.Contains);
        return shared < MinSharedBigrams ? 0 : (double)shared / title.Count;
    }

    private static void MoveBodiesUnderTheirHeadings(ArticleBuilder article, List<SectionBuilder> blank, List<Diagnostic> diagnostics)
    {
        var candidates = new List<(SectionBuilder Heading, SectionBuilder Donor, int Start, double Score)>();
        foreach (var heading in blank)
        {
            var title = Bigrams(TitleOf(heading.Heading));
            if (title.Count < MinSharedBigrams) continue;
            foreach (var donor in article.Sections.Where(s => s.Paragraphs.Count > 0))
            {
                // A titled section's first paragraph is its own body; only an untitled run may give up its opening.
                for (var p = donor.Heading.Length == 0 ? 0 : 1; p < donor.Paragraphs.Count; p++)
                {
                    var score = Score(title, donor.Paragraphs[p]);
                    if (score >= MinCoverage) candidates.Add((heading, donor, p, score));
                }
            }
        }

        var chosen = new Dictionary<SectionBuilder, (SectionBuilder Donor, int Start)>();
        var taken = new HashSet<(SectionBuilder, int)>();
        foreach (var c in candidates.OrderByDescending(c => c.Score).ThenBy(c => article.Sections.IndexOf(c.Donor)).ThenBy(c => c.Start))
        {
            if (chosen.ContainsKey(c.Heading) || !taken.Add((c.Donor, c.Start))) continue;
            chosen[c.Heading] = (c.Donor, c.Start);
        }

        foreach (var group in chosen.GroupBy(c => c.Value.Donor))
        {
            var donor = group.Key;
            var starts = group.OrderBy(g => g.Value.Start).Select(g => (Heading: g.Key, g.Value.Start)).ToList();
            // An untitled run after other sections belongs to no heading of its own: its first block reaches back to its start.
            if (donor.Heading.Length == 0 && article.Sections.IndexOf(donor) > 0) starts[0] = (starts[0].Heading, 0);
            for (var k = starts.Count - 1; k >= 0; k--)
            {
                var (heading, start) = starts[k];
                var end = k + 1 < starts.Count ? starts[k + 1].Start : donor.Paragraphs.Count;
                var firstLine = donor.Paragraphs[start].FirstLine;
                var opening = Opening(donor.Paragraphs[start].Opening(OpeningLength));
                Move(donor, start, end, heading);
                diagnostics.Add(Diagnostic.Create(DiagnosticLevel.Warning, heading.Line, "heading-realigned",
                    "Heading “{0}” (line {1}) stood apart from its body; the text from line {2} (“{3}…”) that it names is placed under it.",
                    heading.Heading, heading.Line, firstLine, opening.Length > 20 ? opening[..20] : opening));
            }
            if (donor.Heading.Length == 0 && donor.Paragraphs.Count == 0) article.Sections.Remove(donor);
        }
    }

    private static void Move(SectionBuilder donor, int start, int end, SectionBuilder target)
    {
        var offset = target.Paragraphs.Count;
        target.Paragraphs.AddRange(donor.Paragraphs.GetRange(start, end - start));
        foreach (var q in donor.Quotations.Where(q => q.Paragraph >= start && q.Paragraph < end).ToList())
        {
            target.Quotations.Add((q.Paragraph - start + offset, q.Quotation));
            donor.Quotations.Remove(q);
        }
        donor.Paragraphs.RemoveRange(start, end - start);
        for (var i = 0; i < donor.Quotations.Count; i++)
            if (donor.Quotations[i].Paragraph >= end) donor.Quotations[i] = (donor.Quotations[i].Paragraph - (end - start), donor.Quotations[i].Quotation);
    }

    /// <summary>What is still blank becomes a subheading at the start of the next section (or the end of the one before).</summary>
    private static void MergeBlankHeadings(ArticleBuilder article, List<Diagnostic> diagnostics)
    {
        var sections = article.Sections;
        for (var i = sections.Count - 1; i >= 0; i--)
        {
            if (!IsBlank(sections, i) || sections.Count == 1) continue;
            var blank = sections[i];
            var subheading = new ParagraphBuilder(ParagraphKind.Subheading, blank.Line);
            subheading.Add(blank.Heading, null, blank.Line);
            SectionBuilder neighbour;
            if (i + 1 < sections.Count)
            {
                neighbour = sections[i + 1];
                neighbour.Paragraphs.Insert(0, subheading);
                for (var q = 0; q < neighbour.Quotations.Count; q++)
                    neighbour.Quotations[q] = (neighbour.Quotations[q].Paragraph + 1, neighbour.Quotations[q].Quotation);
            }
            else
            {
                neighbour = sections[i - 1];
                neighbour.Paragraphs.Add(subheading);
            }
            diagnostics.Add(Diagnostic.Create(DiagnosticLevel.Warning, blank.Line, "blank-heading-merged",
                "Heading “{0}” (line {1}) has no text and none could be matched to it; it is kept as a subheading of “{2}”.",
                blank.Heading, blank.Line, neighbour.Heading.Length > 0 ? neighbour.Heading : article.Title));
            sections.RemoveAt(i);
        }
    }

    /// <summary>The heading without its number: `信号一 树立正确的网络安全观` → `树立正确的网络安全观`.</summary>
    private static string TitleOf(string heading) => NumberPrefix().Replace(heading, "");

    private static string Opening(string text)
    {
        var length = Math.Min(text.Length, OpeningLength);
        // Up to the end of the second sentence within the window.
        var ends = 0;
        for (var i = 0; i < length; i++)
            if (text[i] is '。' or '！' or '？' && ++ends == 2) return text[..(i + 1)];
        return text[..length];
    }

    /// <summary>Pairs of adjacent ideographs (or letters and digits): the unit Chinese text is compared in.</summary>
    internal static HashSet<string> Bigrams(string text)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < text.Length; i++)
            if (IsWordChar(text[i]) && IsWordChar(text[i + 1])) grams.Add(text.Substring(i, 2));
        return grams;
    }

    private static bool IsWordChar(char c) => CjkText.IsIdeograph(c) || char.IsAsciiLetterOrDigit(c);

    [GeneratedRegex(@"^(?:\S{1,3}?[一二三四五六七八九十]{1,3}(?=\s)|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十百零0-9]{1,4}(?:部分|单元|[章节篇部讲课])|\d{1,2}[.、．])\s*")]
    private static partial Regex NumberPrefix();
}
