using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace StudyPortal.Web.Infrastructure.Accounts;

/// <summary>Who may open which folder of pages: one list, read by the endpoint test in the tests.</summary>
public static class PortalPages
{
    public static void Authorize(PageConventionCollection pages)
    {
        foreach (var folder in new[] { "/Library", "/Documents", "/Read", "/Quotes", "/Search" })
            pages.AuthorizeFolder(folder, PortalPolicies.Reading);
        pages.AuthorizeFolder("/Admin", PortalPolicies.Admin);
        pages.AuthorizeFolder("/Leader", PortalPolicies.Leader);
        pages.AuthorizeFolder("/Study", PortalPolicies.SignedIn);
        pages.AuthorizeFolder("/Notices", PortalPolicies.SignedIn);
        pages.AuthorizeFolder("/Highlights", PortalPolicies.SignedIn);
        pages.AuthorizeFolder("/Account", PortalPolicies.SignedIn);
        pages.AllowAnonymousToPage("/Account/SignIn");
        pages.AllowAnonymousToFolder("/Settings");
        pages.AllowAnonymousToPage("/Error");
    }
}
