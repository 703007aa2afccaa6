using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using StudyPortal.Data.Accounts;
using StudyPortal.Web.Infrastructure.Accounts;

namespace StudyPortal.Web.Pages.Admin.Users;

/// <summary>Creates one account; the first password is generated and shown once, unless the admin types one.</summary>
public sealed class NewModel(UserAccounts accounts, AuditLog audit, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class UserForm
    {
        [Required, MaxLength(64)]
        public string UserName { get; set; } = "";

        [Required, MaxLength(PortalUser.DisplayNameMaxLength)]
        public string DisplayName { get; set; } = "";

        [EmailAddress, MaxLength(256)]
        public string? Email { get; set; }

        public List<string> Roles { get; set; } = [PortalRoles.Reader];

        [MaxLength(128)]
        public string? Password { get; set; }
    }

    [BindProperty]
    public UserForm Form { get; set; } = new();

    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? CreatedPassword { get; private set; }
    public PortalUser? Created { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var roles = Form.Roles.Select(PortalRoles.Parse).OfType<string>().ToList();
        if (!ModelState.IsValid || roles.Count == 0)
        {
            Errors = [t["Users.FormInvalid"]];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var password = string.IsNullOrEmpty(Form.Password) ? UserAccounts.NewPassword() : Form.Password;
        var (user, errors) = await accounts.CreateAsync(Form.UserName, Form.DisplayName, Form.Email, roles, password, mustChangePassword: string.IsNullOrEmpty(Form.Password));
        if (user is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await audit.WriteAsync(User, "user.create", user.UserName!, string.Join("、", roles.Select(r => t["Role." + r].Value)));
        Created = user;
        CreatedPassword = string.IsNullOrEmpty(Form.Password) ? password : null;
        // A fresh form for the next person: the values just posted would otherwise be shown again from the model state.
        ModelState.Clear();
        Form = new();
        return Page();
    }
}
