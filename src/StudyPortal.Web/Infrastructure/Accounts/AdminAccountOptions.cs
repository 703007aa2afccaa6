namespace StudyPortal.Web.Infrastructure.Accounts;

public sealed class AdminAccountOptions
{
    public const string SectionName = "Portal:Admin";

    /// <summary>The first admin's user name; when no admin exists yet, this account is created on start.</summary>
    [System.ComponentModel.DataAnnotations.Required, System.ComponentModel.DataAnnotations.MaxLength(64)]
    public string UserName { get; set; } = "admin";

    /// <summary>The first admin's password. When empty, a random one is generated and written once to the log.</summary>
    public string? Password { get; set; }

    [System.ComponentModel.DataAnnotations.Required, System.ComponentModel.DataAnnotations.MaxLength(Data.Accounts.PortalUser.DisplayNameMaxLength)]
    public string DisplayName { get; set; } = "管理员";

    [System.ComponentModel.DataAnnotations.EmailAddress]
    public string? Email { get; set; }
}
