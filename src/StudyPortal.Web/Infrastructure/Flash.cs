namespace StudyPortal.Web.Infrastructure;

/// <summary>
/// The one-line "what just happened" after a form that redirects (stored, assigned, created): put in TempData under
/// <see cref="Key"/> by the page model, shown once at the top of the next page by the layout.
/// </summary>
public static class Flash
{
    public const string Key = "Flash";
}
