using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StudyPortal.Web.Infrastructure;

namespace StudyPortal.Web.Pages.Settings;

/// <summary>
/// Switches the interface language and keeps the choice in a cookie for a year. A plain link (GET) on purpose:
/// it changes nothing but a preference, so it needs no form token and costs every page nothing to offer.
/// </summary>
public sealed class LanguageModel : PageModel
{
    /// <summary>The local URL with every non-ASCII character percent-encoded as UTF-8; what is already encoded stays as it is.</summary>
    public static string AsciiUrl(string url)
    {
        if (url.All(char.IsAscii)) return url;
        var builder = new System.Text.StringBuilder(url.Length * 3);
        foreach (var rune in url.EnumerateRunes())
            builder.Append(rune.IsAscii ? rune.ToString() : Uri.EscapeDataString(rune.ToString()));
        return builder.ToString();
    }

    public IActionResult OnGet(string? culture, string? returnUrl)
    {
        if (culture is null || !PortalWebExtensions.SupportedCultures.Any(c => c.Name == culture))
            return BadRequest();
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        // Kestrel refuses a Location header with raw non-ASCII characters (a return address holding Chinese): encode them.
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? AsciiUrl(returnUrl) : Url.Page("/Library/Index")!);
    }
}
