using System.Net;
using Microsoft.Playwright;

namespace StudyPortal.Browser.Tests;

/// <summary>
/// A text-layer PDF made from a seed by Chromium's own "print to PDF": every source line on a line of its own (no
/// wrapping), in a CJK font — what a word processor's PDF export of the text would hold.
/// </summary>
public static class PdfFixture
{
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
}
