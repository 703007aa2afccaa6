namespace StudyPortal.Web.Infrastructure.Accounts;

/// <summary>A user agent string as a person says it: "Chrome · Windows", "微信 · iPhone". The full string stays available as a tooltip.</summary>
public static class BrowserName
{
    private static readonly (string Token, string Name)[] Browsers =
        [("MicroMessenger", "微信"), ("Edg/", "Edge"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Chromium/", "Chromium"), ("Safari/", "Safari")];

    private static readonly (string Token, string Name)[] Systems =
        [("iPhone", "iPhone"), ("iPad", "iPad"), ("Android", "Android"), ("Windows", "Windows"), ("Mac OS X", "macOS"), ("Linux", "Linux")];

    /// <summary>Null when the string names no browser this knows.</summary>
    public static string? Of(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return null;
        var browser = Browsers.FirstOrDefault(b => userAgent.Contains(b.Token, StringComparison.Ordinal)).Name;
        var system = Systems.FirstOrDefault(s => userAgent.Contains(s.Token, StringComparison.Ordinal)).Name;
        return browser is null && system is null ? null : string.Join(" · ", new[] { browser, system }.Where(x => x is not null));
    }
}
