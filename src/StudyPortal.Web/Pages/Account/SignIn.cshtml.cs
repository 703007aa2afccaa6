using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using StudyPortal.Data.Accounts;
using StudyPortal.Web.Infrastructure.Accounts;

namespace StudyPortal.Web.Pages.Account;

/// <summary>Sign-in by user name or e-mail. Failed attempts count towards the lockout.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.RateLimits.SignIn)]
public sealed class SignInModel(SignInManager<PortalUser> signIn, IOptions<AccessOptions> access, IWebHostEnvironment environment, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class SignInForm
    {
        [Required, MaxLength(256)]
        public string UserName { get; set; } = "";

        [Required, MaxLength(256), DataType(DataType.Password)]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    [BindProperty]
    public SignInForm Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    /// <summary>The sign-in cookie is HTTPS-only and this request came over HTTP: a sign-in could not stick, so the page says what to configure.</summary>
    public bool PlainHttp => !Request.IsHttps && access.Value.CookiesSecure(environment);

    private static readonly PortalUser Unknown = new() { UserName = "unknown", DisplayName = "" };
    private static readonly Lazy<string> UnknownHash = new(() => new PasswordHasher<PortalUser>().HashPassword(Unknown, Guid.NewGuid().ToString()));

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (PlainHttp)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (!ModelState.IsValid)
        {
            Error = t["SignIn.Missing"];
            return Page();
        }
        var users = signIn.UserManager;
        var name = Form.UserName.Trim();
        var user = await users.FindByNameAsync(name) ?? (name.Contains('@', StringComparison.Ordinal) ? await users.FindByEmailAsync(name) : null);
        if (user is null)
        {
            // An unknown name costs the same password hashing as a known one, so the time taken does not tell which names exist.
            users.PasswordHasher.VerifyHashedPassword(Unknown, UnknownHash.Value, Form.Password);
        }
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, Form.Password, Form.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Page("/Library/Index")!);
        Error = result.IsLockedOut ? t["SignIn.LockedOut"] : result.IsNotAllowed ? t["SignIn.Disabled"] : t["SignIn.Failed"];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
