namespace StudyPortal.Web.Infrastructure;

/// <summary>
/// The one-line "what just happened" after a form that redirects (stored, assigned, created): put in TempData under
/// <see cref="Key"/> by the page model, shown once at the top of the next page by the layout.
/// </summary>
public static class Flash
{
    public const string Key = "Flash";

    /// <summary>
    /// The message, if the browser brought one. Without the TempData cookie the dictionary is not touched at all:
    /// touching it makes the response delete the (absent) cookie, and a response that sets a cookie is never
    /// output-cached, which had turned off the anonymous reader's page cache.
    /// </summary>
    public static string? Take(Microsoft.AspNetCore.Http.HttpContext http, Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataDictionary tempData) =>
        http.Request.Cookies.ContainsKey(Microsoft.AspNetCore.Mvc.ViewFeatures.CookieTempDataProvider.CookieName) ? tempData[Key] as string : null;
}
