namespace StudyPortal.Web.Pages.Read;

/// <summary>
/// How long a rendered chapter body or outline stays in the cache tag helper's memory without being read. Each entry
/// names the library version it was rendered from, so an import or an edit is seen at once; older entries age out.
/// </summary>
public static class ReaderFragments
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
}
