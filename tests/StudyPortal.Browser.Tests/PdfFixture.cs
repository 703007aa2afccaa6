using System.Net;
using Microsoft.Playwright;

namespace StudyPortal.Browser.Tests;

/// <summary>
/// A text-layer PDF made from a seed by Chromium's own "print to PDF": every source line on a line of its own (no
/// wrapping), in a CJK font — what a word processor's PDF export of the text would hold.
/// </summary>
public static partial class PdfFixture
{
    /// <summary>With STUDYPORTAL_KEEP_PDFS set to a folder, the PDF is written there to look at or parse by hand.</summary>
    public static void KeepForInspection(byte[] pdf, string name)
    {
        if (Environment.GetEnvironmentVariable("STUDYPORTAL_KEEP_PDFS") is { Length: > 0 } folder)
            File.WriteAllBytes(Path.Combine(Directory.CreateDirectory(folder).FullName, name.Replace('/', '_') + ".pdf"), pdf);
    }

    public static async Task<byte[]> FromTextAsync(IBrowser browser, string text)
    {
        var context = await browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => WebUtility.HtmlEncode(l.Trim()));
            await page.SetContentAsync($"""
                <!DOCTYPE html><html lang="zh-Hans"><head><meta charset="utf-8"><style>
                body {"{"} margin: 0; font: 6px "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; white-space: pre; {"}"}
                div {"{"} min-height: 8px; {"}"}
                </style></head><body>{string.Join("", lines.Select(l => $"<div>{l}</div>"))}</body></html>
                """);
            return await page.PdfAsync(new PagePdfOptions { Width = "3000px", Height = "2000px", PrintBackground = false });
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>
    /// A PDF as an office makes it from a document: A4, body text in 12 pt paragraphs that wrap (first line indented),
    /// the first line as a 22 pt centred bold title, Markdown headings larger and bold, numbered headings (一、 （一）
    /// 第一章) and bold lines in bold, the title as a running header and “— N —” page numbers in the footer.
    /// </summary>
    public static async Task<byte[]> OfficeFromTextAsync(IBrowser browser, string text)
    {
        var context = await browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            var title = lines.Count > 0 ? lines[0].TrimStart('#', ' ') : "";
            var html = new System.Text.StringBuilder();
            var inHead = true;
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                var level = line.TakeWhile(c => c == '#').Count();
                var plain = WebUtility.HtmlEncode(line.TrimStart('#', '>', ' ').Replace("**", "", StringComparison.Ordinal));
                // The head: headline lines large and centred, metadata (number, byline, date) small, a column label bold.
                inHead &= line.Length <= 40 && !SentenceEnd().IsMatch(line) && !line.EndsWith('：') && !NumberedHeading().IsMatch(line) && (i == 0 || level == 0)
                          && line.Replace(" ", "", StringComparison.Ordinal) != "目录" && !"★●◆■".Contains(line[0], StringComparison.Ordinal);
                if (inHead && (DocumentNumber().IsMatch(line) || i > 0 && Metadata().IsMatch(line))) html.Append($"<p class=meta>{plain}</p>");
                else if (inHead && i == 0 && line.StartsWith('【') && lines.Count > 1 && lines[1].Length <= 40 && !SentenceEnd().IsMatch(lines[1])) html.Append($"<p class=b>{plain}</p>");
                else if (inHead) html.Append($"<h1>{plain}</h1>");
                else if (level is >= 1 and <= 3 && line.Length > level && line[level] == ' ') html.Append($"<h{level + 1}>{plain}</h{level + 1}>");
                else if (line.StartsWith("**", StringComparison.Ordinal) && line.EndsWith("**", StringComparison.Ordinal) && line.Length > 4) html.Append($"<p class=b>{plain}</p>");
                else if (NumberedHeading().IsMatch(line) && line.Length <= 40) html.Append($"<p class=b>{plain}</p>");
                else html.Append($"<p>{plain}</p>");
            }
            await page.SetContentAsync($$"""
                <!DOCTYPE html><html lang="zh-Hans"><head><meta charset="utf-8"><style>
                body { margin: 0; font: 12pt/1.6 "Noto Serif CJK SC", "Noto Sans CJK SC", serif; }
                h1 { font: bold 22pt/1.4 "Noto Sans CJK SC", sans-serif; text-align: center; margin: 0 0 18pt; }
                h2 { font: bold 16pt/1.4 "Noto Sans CJK SC", sans-serif; margin: 14pt 0 8pt; }
                h3 { font: bold 14pt/1.4 "Noto Sans CJK SC", sans-serif; margin: 12pt 0 6pt; }
                h4 { font: bold 13pt/1.4 "Noto Sans CJK SC", sans-serif; margin: 10pt 0 6pt; }
                p { margin: 0 0 6pt; text-indent: 2em; text-align: justify; }
                p.b { font-weight: bold; font-family: "Noto Sans CJK SC", sans-serif; text-indent: 0; }
                p.meta { text-align: center; text-indent: 0; }
                </style></head><body>{{html}}</body></html>
                """);
            return await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                Margin = new Margin { Top = "25mm", Bottom = "25mm", Left = "26mm", Right = "26mm" },
                DisplayHeaderFooter = true,
                HeaderTemplate = $"<div style=\"font: 9pt 'Noto Sans CJK SC'; width: 100%; text-align: center;\">{WebUtility.HtmlEncode(title)}</div>",
                FooterTemplate = "<div style=\"font: 9pt 'Noto Sans CJK SC'; width: 100%; text-align: center;\">— <span class=\"pageNumber\"></span> —</div>",
            });
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[。！？；]")]
    private static partial System.Text.RegularExpressions.Regex SentenceEnd();

    [System.Text.RegularExpressions.GeneratedRegex(@"〔\d{4}〕\d+号$")]
    private static partial System.Text.RegularExpressions.Regex DocumentNumber();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:作者|文/|本报|记者|新华社记者|原标题|来源|发布时间|\d{4}年|\d{4}-)|^[\p{IsCJKUnifiedIdeographs}]{2,4}$|(?:部|委|办公室|室务会|工委)$")]
    private static partial System.Text.RegularExpressions.Regex Metadata();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[章节部篇]|信号[一二三四五六七八九十])")]
    private static partial System.Text.RegularExpressions.Regex NumberedHeading();
}
