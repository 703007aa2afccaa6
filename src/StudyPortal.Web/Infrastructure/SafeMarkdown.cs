using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace StudyPortal.Web.Infrastructure;

/// <summary>
/// Markdown to HTML with nothing a document contains able to run: raw HTML is escaped (DisableHtml), and links and
/// images keep only http, https, mailto and relative addresses — Markdig would otherwise render javascript: links.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url)) link.Url = "";
        }
        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!IsSafe(autolink.Url)) autolink.Url = "";
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    /// <summary>
    /// Markdown as readable plain text for exports (CSV, Excel, Word): the words with their line breaks, one line per
    /// paragraph or heading, list items with their marks (1. for numbered lists, • otherwise), no Markdown syntax.
    /// </summary>
    public static string ToPlainText(string markdown)
    {
        var text = new System.Text.StringBuilder();
        WritePlain(Markdig.Markdown.Parse(markdown, Pipeline), text, "");
        return text.ToString().TrimEnd();
    }

    private static void WritePlain(ContainerBlock container, System.Text.StringBuilder text, string indent)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case ListBlock list:
                    var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var marker = list.IsOrdered ? $"{number++}{list.OrderedDelimiter} " : "• ";
                        var inner = new System.Text.StringBuilder();
                        WritePlain(item, inner, indent + new string(' ', marker.Length));
                        text.Append(indent).Append(marker).Append(inner.ToString().TrimStart(' '));
                    }
                    break;
                case ThematicBreakBlock:
                    break;
                case LeafBlock leaf when leaf.Inline is not null:
                    text.Append(indent).Append(PlainInline(leaf.Inline).Replace("\n", "\n" + indent, StringComparison.Ordinal)).Append('\n');
                    break;
                case LeafBlock leaf:
                    foreach (var line in leaf.Lines.Lines.Take(leaf.Lines.Count)) text.Append(indent).Append(line.Slice.ToString()).Append('\n');
                    break;
                case ContainerBlock inner:
                    WritePlain(inner, text, indent);
                    break;
            }
        }
    }

    private static string PlainInline(ContainerInline inlines)
    {
        var text = new System.Text.StringBuilder();
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case LiteralInline literal: text.Append(literal.Content.ToString()); break;
                case LineBreakInline: text.Append('\n'); break;
                case CodeInline code: text.Append(code.Content); break;
                case AutolinkInline autolink: text.Append(autolink.Url); break;
                case HtmlEntityInline entity: text.Append(entity.Transcoded.ToString()); break;
                case HtmlInline html: text.Append(html.Tag); break;
                case ContainerInline container: text.Append(PlainInline(container)); break;
            }
        }
        return text.ToString();
    }

    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return true;
        var trimmed = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon)) return true;
        var scheme = trimmed[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }
}
