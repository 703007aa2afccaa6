using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using StudyPortal.Data.Accounts;

namespace StudyPortal.Web.Pages.Account;

/// <summary>A signed-in user changes their own password; other sessions of the account end (new security stamp).</summary>
public sealed class PasswordModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class PasswordForm
    {
        [Required, DataType(DataType.Password)]
        public string Current { get; set; } = "";

        [Required, DataType(DataType.Password), MaxLength(128)]
        public string New { get; set; } = "";

        [Required, DataType(DataType.Password)]
        public string Confirm { get; set; } = "";
    }

    [BindProperty]
    public PasswordForm Form { get; set; } = new();

    public IReadOnlyList<string> Errors { get; private set; } = [];
    public bool Changed { get; private set; }

    /// <summary>The password was generated or reset by an admin: nothing else opens until it is changed.</summary>
    public bool Required => User.HasClaim(Infrastructure.Accounts.DisplayNameClaimsFactory.MustChangePasswordClaim, "true") && !Changed;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!ModelState.IsValid || Form.New != Form.Confirm)
        {
            Errors = [t["Password.Mismatch"]];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var result = await users.ChangePasswordAsync(user, Form.Current, Form.New);
        if (!result.Succeeded)
        {
            Errors = result.Errors.Select(e => e.Description).ToList();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }
        await signIn.RefreshSignInAsync(user);
        Changed = true;
        ModelState.Clear();
        Form = new();
        return Page();
    }
}
