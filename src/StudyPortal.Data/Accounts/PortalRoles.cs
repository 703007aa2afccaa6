namespace StudyPortal.Data.Accounts;

/// <summary>The three roles; a person may hold several (an admin who also leads a group).</summary>
public static class PortalRoles
{
    public const string Admin = "Admin";
    public const string Leader = "Leader";
    public const string Reader = "Reader";

    public static readonly IReadOnlyList<string> All = [Admin, Leader, Reader];

    /// <summary>Role names as they are written in a CSV or typed by an admin: English or Chinese.</summary>
    public static string? Parse(string? text) => text?.Trim() switch
    {
        null or "" => null,
        var t when t.Equals(Admin, StringComparison.OrdinalIgnoreCase) || t == "管理员" => Admin,
        var t when t.Equals(Leader, StringComparison.OrdinalIgnoreCase) || t == "组长" || t == "学习小组组长" => Leader,
        var t when t.Equals(Reader, StringComparison.OrdinalIgnoreCase) || t == "读者" => Reader,
        _ => null,
    };
}
