using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using StudyPortal.Data.Accounts;

namespace StudyPortal.Web.Infrastructure.Accounts;

/// <summary>On start: the three roles exist, and there is at least one admin.</summary>
public sealed class AccountBootstrapper(UserManager<PortalUser> users, RoleManager<IdentityRole> roles, IOptions<AdminAccountOptions> admin,
    TimeProvider time, ILogger<AccountBootstrapper> logger)
{
    public async Task EnsureAsync()
    {
        foreach (var role in PortalRoles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)));

        if ((await users.GetUsersInRoleAsync(PortalRoles.Admin)).Count > 0) return;

        var options = admin.Value;
        var generated = string.IsNullOrEmpty(options.Password);
        // No default password in the code: either the operator chose one, or a random one is shown once.
        var password = generated ? RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16) + "7" : options.Password!;
        var user = await users.FindByNameAsync(options.UserName);
        if (user is null)
        {
            user = new PortalUser { UserName = options.UserName, Email = options.Email, DisplayName = options.DisplayName, CreatedAtUtc = time.GetUtcNow().UtcDateTime, MustChangePassword = generated };
            Check(await users.CreateAsync(user, password));
        }
        else
        {
            Check(await users.RemovePasswordAsync(user));
            Check(await users.AddPasswordAsync(user, password));
            user.MustChangePassword = generated;
            Check(await users.UpdateAsync(user));
        }
        Check(await users.AddToRoleAsync(user, PortalRoles.Admin));
        if (generated)
            logger.LogWarning("Created the first admin account. User name: {UserName}  Password: {Password}  — sign in at /account/signin and change this password now; it is not shown again.", options.UserName, password);
        else
            logger.LogInformation("Created the first admin account {UserName} from configuration", options.UserName);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException("Could not set up accounts: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
