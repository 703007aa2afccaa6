using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using StudyPortal.Data.Accounts;
using StudyPortal.Web.Infrastructure.Accounts;

namespace StudyPortal.Web.Pages.Admin.Users;

/// <summary>One account: name and e-mail, roles, disable/enable, unlock, a new password.</summary>
public sealed class EditModel(UserManager<PortalUser> users, AuditLog audit, TimeProvider time, Infrastructure.Accounts.SessionTicketStore sessions, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class EditForm
    {
        [Required, MaxLength(PortalUser.DisplayNameMaxLength)]
        public string DisplayName { get; set; } = "";

        [EmailAddress, MaxLength(256)]
        public string? Email { get; set; }

        public List<string> Roles { get; set; } = [];
    }

    [BindProperty]
    public EditForm Form { get; set; } = new();

    public PortalUser Account { get; private set; } = null!;
    public bool LockedOut { get; private set; }
    public string? Message { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? NewPassword { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Form = new EditForm { DisplayName = Account.DisplayName, Email = Account.Email, Roles = (await users.GetRolesAsync(Account)).ToList() };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var roles = Form.Roles.Select(PortalRoles.Parse).OfType<string>().Distinct().ToList();
        if (!ModelState.IsValid) return Fail([t["Users.FormInvalid"]]);
        // An admin cannot take away their own admin role: the portal must keep someone who can manage it.
        if (Account.UserName == User.Identity?.Name && !roles.Contains(PortalRoles.Admin)) return Fail([t["Users.KeepOwnAdmin"]]);
        Account.DisplayName = Form.DisplayName.Trim();
        var updated = await users.UpdateAsync(Account);
        var email = await users.SetEmailAsync(Account, string.IsNullOrWhiteSpace(Form.Email) ? null : Form.Email.Trim());
        if (!updated.Succeeded || !email.Succeeded) return Fail(updated.Errors.Concat(email.Errors).Select(e => e.Description).ToList());
        var current = await users.GetRolesAsync(Account);
        await users.RemoveFromRolesAsync(Account, current.Except(roles));
        await users.AddToRolesAsync(Account, roles.Except(current));
        await audit.WriteAsync(User, "user.update", Account.UserName!, string.Join("、", roles.Select(r => t["Role." + r].Value)));
        Message = t["Users.Saved"];
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(string id) => await SetDisabledAsync(id, true);

    public async Task<IActionResult> OnPostEnableAsync(string id) => await SetDisabledAsync(id, false);

    public async Task<IActionResult> OnPostResetPasswordAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var password = UserAccounts.NewPassword();
        var token = await users.GeneratePasswordResetTokenAsync(Account);
        var result = await users.ResetPasswordAsync(Account, token, password);
        if (!result.Succeeded) return Fail(result.Errors.Select(e => e.Description).ToList());
        await users.SetLockoutEndDateAsync(Account, null);
        await users.ResetAccessFailedCountAsync(Account);
        Account.MustChangePassword = true;
        await users.UpdateAsync(Account);
        await sessions.EndAllAsync(Account.Id);
        await audit.WriteAsync(User, "user.password", Account.UserName!);
        NewPassword = password;
        await FillFormAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        await users.SetLockoutEndDateAsync(Account, null);
        await users.ResetAccessFailedCountAsync(Account);
        await audit.WriteAsync(User, "user.unlock", Account.UserName!);
        Message = t["Users.Unlocked"];
        LockedOut = false;
        await FillFormAsync();
        return Page();
    }

    private async Task<IActionResult> SetDisabledAsync(string id, bool disabled)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (disabled && Account.UserName == User.Identity?.Name)
        {
            await FillFormAsync();
            return Fail([t["Users.KeepOwnAdmin"]]);
        }
        Account.IsDisabled = disabled;
        await users.UpdateAsync(Account);
        // Its sessions end now on this server (and within the ticket cache's half minute on others); the new stamp as well.
        await users.UpdateSecurityStampAsync(Account);
        if (disabled) await sessions.EndAllAsync(Account.Id);
        await audit.WriteAsync(User, disabled ? "user.disable" : "user.enable", Account.UserName!);
        Message = disabled ? t["Users.DisabledNow"] : t["Users.EnabledNow"];
        await FillFormAsync();
        return Page();
    }

    private async Task FillFormAsync() =>
        Form = new EditForm { DisplayName = Account.DisplayName, Email = Account.Email, Roles = (await users.GetRolesAsync(Account)).ToList() };

    private PageResult Fail(IReadOnlyList<string> errors)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return false;
        Account = user;
        LockedOut = user.LockoutEnd > time.GetUtcNow();
        return true;
    }
}
