using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace StudyPortal.Importer.Formats;

/// <summary>
/// HTML that editors and web pages leave inside Markdown and text (`<p>…</p><p>…</p>`, `<strong>`): each block element
/// becomes a line of its own, `<strong>`/`<b>` Markdown bold, entities their characters, so no tag is ever shown as
/// text. Lines with anything beyond these formatting tags (a script, a style, a form) are left exactly as they are:
/// they are stored and shown as plain text, never run.
/// </summary>
internal static partial class InlineHtml
{
    private static readonly HtmlParser Parser = new();

    public static bool Contains(string line) => line.Contains('<') && FormattingTag().IsMatch(line) && !OtherTag().IsMatch(line);

    public static List<string> ToLines(string line)
    {
        var document = Parser.ParseDocument("<!DOCTYPE html><body>" + line);
        var lines = new List<string>();
        var current = new StringBuilder();
        Walk(document.Body!, current, lines);
        Flush(current, lines);
        return lines;
    }

    private static void Walk(INode node, StringBuilder current, List<string> lines)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    current.Append(Whitespace().Replace(text.Data, " "));
                    break;
                case IElement element:
                    var name = element.LocalName;
                    if (name == "br")
                    {
                        Flush(current, lines);
                    }
                    else if (IsBlock(name))
                    {
                        Flush(current, lines);
                        if (name.Length == 2 && name[0] == 'h' && char.IsAsciiDigit(name[1])) current.Append('#', name[1] - '0').Append(' ');
                        else if (name == "li") current.Append("- ");
                        Walk(element, current, lines);
                        Flush(current, lines);
                    }
                    else if (name is "strong" or "b")
                    {
                        var inner = new StringBuilder();
                        Walk(element, inner, lines);
                        var text = inner.ToString().Trim();
                        if (text.Length > 0) current.Append("**").Append(text).Append("**");
                    }
                    else
                    {
                        Walk(element, current, lines);
                    }
                    break;
            }
        }
    }

    private static bool IsBlock(string name) =>
        name is "p" or "div" or "li" or "ul" or "ol" or "section" or "article" or "blockquote" or "tr" or "table" or "tbody" or "td" or "th"
        || name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6';

    private static void Flush(StringBuilder current, List<string> lines)
    {
        var text = current.ToString().Trim();
        if (text.Length > 0 && text != "-") lines.Add(text);
        current.Clear();
    }

    [GeneratedRegex(@"</?(?:p|div|br|strong|b|em|i|u|span|a|font|li|ul|ol|h[1-6]|section|article|blockquote|sup|sub|table|tbody|tr|td|th)(?:\s[^<>]*)?/?>", RegexOptions.IgnoreCase)]
    private static partial Regex FormattingTag();

    /// <summary>Any tag that is not plain formatting: such a line is kept as literal text.</summary>
    [GeneratedRegex(@"<(?!/?(?:p|div|br|strong|b|em|i|u|span|a|font|li|ul|ol|h[1-6]|section|article|blockquote|sup|sub|table|tbody|tr|td|th)(?:\s[^<>]*)?/?>)[a-zA-Z/!?]", RegexOptions.IgnoreCase)]
    private static partial Regex OtherTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
